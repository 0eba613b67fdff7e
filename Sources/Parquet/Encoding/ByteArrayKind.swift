#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Pipelines

/// The cells of a string, bytes or JSON column as byte slices, without copying.
struct VariableCells: RandomAccessCollection {
    let storage: VariableBytes

    var startIndex: Int { 0 }
    var endIndex: Int { storage.count }
    subscript(position: Int) -> ArraySlice<UInt8> { storage[position] }
}

/// BYTE_ARRAY columns (STRING, JSON, plain bytes): PLAIN is a 4-byte length and the bytes;
/// statistics order is unsigned bytewise.
struct ByteArrayKind: PhysicalKind {
    typealias Memo = ByteArrayMemo

    var physicalType: PhysicalType { .byteArray }

    func cells(of column: Column) -> VariableCells {
        guard case .variable(let storage) = column.storage else { preconditionFailure("column storage is not variable") }
        return VariableCells(storage: storage)
    }

    func plainSize(_ value: ArraySlice<UInt8>) -> Int { 4 + value.count }

    func appendPlain(_ values: [ArraySlice<UInt8>], to output: inout [UInt8]) {
        for value in values {
            withUnsafeBytes(of: UInt32(value.count).littleEndian) { output.append(contentsOf: $0) }
            output.append(contentsOf: value)
        }
    }

    func precedes(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Bool { compareUnsigned(lhs, rhs) < 0 }
    func statisticsBytes(_ value: ArraySlice<UInt8>, asMinimum: Bool) -> [UInt8] { Array(value) }
}

/// Unsigned bytewise comparison (memcmp, then length): -1, 0 or 1.
func compareUnsigned(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Int {
    lhs.withUnsafeBytes { left in
        rhs.withUnsafeBytes { right in
            let common = min(left.count, right.count)
            let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
            if order != 0 { return order < 0 ? -1 : 1 }
            return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
        }
    }
}
