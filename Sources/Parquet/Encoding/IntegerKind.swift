import Pipelines

/// A batch storage array of integers: int16, int32 (also dates), int64 (also timestamps) and
/// Int128 decimal units.
protocol StoredInteger: FixedWidthInteger & Sendable {
    static func values(in storage: Column.Storage) -> [Self]
}

extension Int16: StoredInteger {
    static func values(in storage: Column.Storage) -> [Int16] {
        guard case .int16(let values) = storage else { preconditionFailure("column storage is not int16") }
        return values
    }
}

extension Int32: StoredInteger {
    static func values(in storage: Column.Storage) -> [Int32] {
        guard case .int32(let values) = storage else { preconditionFailure("column storage is not int32") }
        return values
    }
}

extension Int64: StoredInteger {
    static func values(in storage: Column.Storage) -> [Int64] {
        guard case .int64(let values) = storage else { preconditionFailure("column storage is not int64") }
        return values
    }
}

extension Int128: StoredInteger {
    static func values(in storage: Column.Storage) -> [Int128] {
        guard case .decimal(let values) = storage else { preconditionFailure("column storage is not decimal") }
        return values
    }
}

/// INT32 / INT64 columns from any stored integer width: int16 widened to INT32, decimal units
/// of precision ≤ 18 narrowed to INT32 or INT64 (they fit by precision). Signed order.
struct IntegerKind<Stored: StoredInteger, Physical: FixedWidthInteger & SignedInteger & Sendable>: PhysicalKind {
    typealias Memo = HashMemo<Physical>

    var physicalType: PhysicalType { Physical.bitWidth == 32 ? .int32 : .int64 }

    func cells(of column: Column) -> LazyMapCollection<[Stored], Physical> {
        Stored.values(in: column.storage).lazy.map { Physical(truncatingIfNeeded: $0) }
    }

    func plainSize(_ value: Physical) -> Int { Physical.bitWidth / 8 }
    func appendPlain(_ values: [Physical], to output: inout [UInt8]) { values.appendLittleEndian(to: &output) }
    func precedes(_ lhs: Physical, _ rhs: Physical) -> Bool { lhs < rhs }
    func statisticsBytes(_ value: Physical, asMinimum: Bool) -> [UInt8] { littleEndianBytes(value) }
}
