/// Min, max and null count of one column chunk, kept under the column's sort order.
struct StatisticsAccumulator<Kind: PhysicalKind> {
    /// Longer min/max values are left out rather than truncated (both, so readers see neither).
    static var maximumValueBytes: Int { 4096 }

    private(set) var minimum: Kind.Value?
    private(set) var maximum: Kind.Value?
    var nullCount: Int64 = 0

    /// Takes a non-null value into account.
    @inline(__always)
    mutating func observe(_ value: Kind.Value, kind: Kind) {
        guard kind.isOrdered(value) else { return }
        guard let minimum, let maximum else {
            self.minimum = value
            self.maximum = value
            return
        }
        if kind.precedes(value, minimum) {
            self.minimum = value
        } else if kind.precedes(maximum, value) {
            self.maximum = value
        }
    }

    /// The statistics as written in the column chunk metadata.
    func record(kind: Kind) -> ColumnStatisticsRecord {
        var record = ColumnStatisticsRecord(nullCount: nullCount)
        if let minimum, let maximum {
            let low = kind.statisticsBytes(minimum, asMinimum: true)
            let high = kind.statisticsBytes(maximum, asMinimum: false)
            if low.count <= Self.maximumValueBytes, high.count <= Self.maximumValueBytes {
                record.minimum = low
                record.maximum = high
            }
        }
        return record
    }
}
