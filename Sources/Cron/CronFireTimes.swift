import Foundation

/// The upcoming fire times of a ``CronExpression``, strictly increasing and
/// computed lazily: each element costs one `next` call when it is read.
public struct CronFireTimes: Sequence, IteratorProtocol, Sendable {
    private let expression: CronExpression
    private let zone: TimeZone
    private var cursor: Date?

    init(expression: CronExpression, after date: Date, zone: TimeZone) {
        self.expression = expression
        self.zone = zone
        cursor = date
    }

    /// The next fire time, or nil once the supported range (year 9999) is exhausted.
    public mutating func next() -> Date? {
        cursor = cursor.flatMap { expression.next(after: $0, in: zone) }
        return cursor
    }
}
