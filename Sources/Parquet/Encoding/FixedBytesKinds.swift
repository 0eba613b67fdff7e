import Foundation
import Pipelines

/// FIXED_LEN_BYTE_ARRAY decimals (precision > 18): the unscaled value as big-endian two's
/// complement in the fewest bytes that hold the precision. Signed order.
struct DecimalBytesKind: PhysicalKind {
    typealias Memo = HashMemo<Int128>

    /// Bytes per value: the smallest n with 2^(8n-1) > 10^precision.
    let byteWidth: Int

    init(precision: Int) {
        var width = 1
        var limit: Double = 128
        while limit <= pow(10, Double(precision)) {
            width += 1
            limit *= 256
        }
        byteWidth = width
    }

    var physicalType: PhysicalType { .fixedLenByteArray }

    func cells(of column: Column) -> [Int128] { Int128.values(in: column.storage) }
    func plainSize(_ value: Int128) -> Int { byteWidth }

    func appendPlain(_ values: [Int128], to output: inout [UInt8]) {
        for value in values { append(value, to: &output) }
    }

    func precedes(_ lhs: Int128, _ rhs: Int128) -> Bool { lhs < rhs }

    func statisticsBytes(_ value: Int128, asMinimum: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return bytes
    }

    private func append(_ value: Int128, to output: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { output.append(contentsOf: $0[(16 - byteWidth)...]) }
    }
}

/// UUID columns: FIXED_LEN_BYTE_ARRAY(16) in RFC 4122 byte order, unsigned bytewise order.
struct UUIDKind: PhysicalKind {
    typealias Memo = HashMemo<UUID>

    var physicalType: PhysicalType { .fixedLenByteArray }

    func cells(of column: Column) -> [UUID] {
        guard case .uuid(let values) = column.storage else { preconditionFailure("column storage is not uuid") }
        return values
    }

    func plainSize(_ value: UUID) -> Int { 16 }

    func appendPlain(_ values: [UUID], to output: inout [UInt8]) {
        for value in values { withUnsafeBytes(of: value.uuid) { output.append(contentsOf: $0) } }
    }

    func precedes(_ lhs: UUID, _ rhs: UUID) -> Bool {
        withUnsafeBytes(of: lhs.uuid) { left in withUnsafeBytes(of: rhs.uuid) { right in left.lexicographicallyPrecedes(right) } }
    }

    func statisticsBytes(_ value: UUID, asMinimum: Bool) -> [UInt8] { withUnsafeBytes(of: value.uuid) { Array($0) } }
}
