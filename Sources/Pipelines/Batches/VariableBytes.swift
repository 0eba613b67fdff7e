/// Variable-length cells (strings, bytes, JSON text) stored Arrow-style: one contiguous byte
/// buffer and `count + 1` offsets, so a batch of strings is two allocations, not one per cell.
public struct VariableBytes: Sendable {
    public private(set) var bytes: [UInt8]
    /// `offsets[i]..<offsets[i+1]` are the bytes of cell `i`.
    public private(set) var offsets: [Int]

    public init(capacity: Int = 0, byteCapacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(byteCapacity)
        offsets = [0]
        offsets.reserveCapacity(capacity + 1)
    }

    public var count: Int { offsets.count - 1 }

    public mutating func append<Bytes: Collection<UInt8>>(_ cell: Bytes) {
        bytes.append(contentsOf: cell)
        offsets.append(bytes.count)
    }

    /// Appends the bytes of a buffer without the generic collection overhead.
    public mutating func append(_ cell: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: cell)
        offsets.append(bytes.count)
    }

    public mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
        offsets.append(bytes.count)
    }

    public mutating func appendEmpty() { offsets.append(bytes.count) }

    /// Removes the last cell.
    public mutating func removeLast() {
        offsets.removeLast()
        bytes.removeSubrange(offsets[offsets.count - 1]...)
    }

    public subscript(index: Int) -> ArraySlice<UInt8> { bytes[offsets[index]..<offsets[index + 1]] }

    /// The cell as a string (invalid UTF-8 is repaired).
    public func string(at index: Int) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[offsets[index]..<offsets[index + 1]]), as: UTF8.self)
        }
    }

    /// Calls `body` with the bytes of cell `index`, without copying.
    public func withCell<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[offsets[index]..<offsets[index + 1]]))
        }
    }

    /// The cells at `indices`, in that order.
    public func gathering(_ indices: some Collection<Int>) -> VariableBytes {
        var result = VariableBytes(capacity: indices.count, byteCapacity: bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            for index in indices {
                result.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[offsets[index]..<offsets[index + 1]])))
            }
        }
        return result
    }

    /// This storage followed by `other`'s cells.
    public mutating func append(contentsOf other: VariableBytes) {
        let shift = bytes.count
        bytes.append(contentsOf: other.bytes)
        offsets.append(contentsOf: other.offsets.dropFirst().lazy.map { $0 + shift })
    }

    /// Bytes held, for memory accounting.
    public var byteSize: Int { bytes.count + offsets.count * MemoryLayout<Int>.stride }
}
