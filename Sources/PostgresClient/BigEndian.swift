/// Big-endian reads of the binary wire format.
extension UnsafeRawBufferPointer {
    @inline(__always) func int16(at offset: Int) -> Int16 {
        Int16(bigEndian: loadUnaligned(fromByteOffset: offset, as: Int16.self))
    }

    @inline(__always) func int32(at offset: Int) -> Int32 {
        Int32(bigEndian: loadUnaligned(fromByteOffset: offset, as: Int32.self))
    }

    @inline(__always) func int64(at offset: Int) -> Int64 {
        Int64(bigEndian: loadUnaligned(fromByteOffset: offset, as: Int64.self))
    }
}

/// Big-endian writes of the binary wire format.
extension Array where Element == UInt8 {
    @inline(__always) mutating func appendInt16(_ value: Int16) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }

    @inline(__always) mutating func appendInt32(_ value: Int32) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }

    @inline(__always) mutating func appendInt64(_ value: Int64) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }

    /// Overwrites four bytes at `offset` with `value`.
    @inline(__always) mutating func setInt32(_ value: Int32, at offset: Int) {
        Swift.withUnsafeBytes(of: value.bigEndian) { bytes in
            for index in 0..<4 { self[offset + index] = bytes[index] }
        }
    }
}
