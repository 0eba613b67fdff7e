/// A set of small non-negative integers (0–63) stored in one machine word.
///
/// Every cron field becomes one of these, so "is this value allowed" and
/// "which allowed value comes next" are a mask and a bit scan, never a loop.
struct FieldBits: Hashable, Sendable {
    /// Bit `n` is set when the value `n` is in the set.
    var raw: UInt64

    init(raw: UInt64 = 0) {
        self.raw = raw
    }

    /// The set of every value in `range`, taking each `step`-th one from its lower bound.
    init(_ range: ClosedRange<Int>, step: Int = 1) {
        raw = 0
        for value in stride(from: range.lowerBound, through: range.upperBound, by: step) {
            insert(value)
        }
    }

    var isEmpty: Bool { raw == 0 }
    var count: Int { raw.nonzeroBitCount }

    func contains(_ value: Int) -> Bool {
        value >= 0 && value < 64 && raw & (1 << UInt64(value)) != 0
    }

    mutating func insert(_ value: Int) {
        raw |= 1 << UInt64(value)
    }

    /// The smallest value in the set, if any.
    var first: Int? { raw == 0 ? nil : raw.trailingZeroBitCount }

    /// The largest value in the set, if any.
    var last: Int? { raw == 0 ? nil : 63 - raw.leadingZeroBitCount }

    /// The smallest value in the set that is at least `value`.
    func next(atLeast value: Int) -> Int? {
        if value >= 64 { return nil }
        let masked = value <= 0 ? raw : raw & (~0 << UInt64(value))
        return masked == 0 ? nil : masked.trailingZeroBitCount
    }

    /// The largest value in the set that is at most `value`.
    func previous(atMost value: Int) -> Int? {
        if value < 0 { return nil }
        let masked = value >= 63 ? raw : raw & ((1 << UInt64(value + 1)) - 1)
        return masked == 0 ? nil : 63 - masked.leadingZeroBitCount
    }

    /// The members in increasing order.
    var values: [Int] {
        var result: [Int] = []
        var rest = raw
        while rest != 0 {
            result.append(rest.trailingZeroBitCount)
            rest &= rest - 1
        }
        return result
    }
}
