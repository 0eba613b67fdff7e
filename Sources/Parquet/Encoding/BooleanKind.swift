import Pipelines

/// BOOLEAN columns: PLAIN is one bit per value, LSB first; no dictionary.
struct BooleanKind: PhysicalKind {
    typealias Memo = HashMemo<Bool>

    var physicalType: PhysicalType { .boolean }
    var usesDictionary: Bool { false }

    func cells(of column: Column) -> [Bool] {
        guard case .bool(let values) = column.storage else { preconditionFailure("column storage is not bool") }
        return values
    }

    /// An upper bound: a bit rounds up to a byte only at the page's end.
    func plainSize(_ value: Bool) -> Int { 1 }

    func appendPlain(_ values: [Bool], to output: inout [UInt8]) {
        var packer = BitPacker(bitWidth: 1)
        for value in values { packer.append(value ? 1 : 0, into: &output) }
        packer.flush(into: &output)
    }

    func precedes(_ lhs: Bool, _ rhs: Bool) -> Bool { !lhs && rhs }
    func statisticsBytes(_ value: Bool, asMinimum: Bool) -> [UInt8] { [value ? 1 : 0] }
}
