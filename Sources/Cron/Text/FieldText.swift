/// Compact text for a set of field values, shared by the normalized form and
/// the English explanation.
enum FieldText {
    /// Either a run of consecutive values or a single value.
    enum Piece: Equatable {
        case single(Int)
        case run(Int, Int)
    }

    /// The values grouped into runs; runs shorter than 3 stay single values.
    static func pieces(_ values: [Int]) -> [Piece] {
        var pieces: [Piece] = []
        var index = 0
        while index < values.count {
            var end = index
            while end + 1 < values.count, values[end + 1] == values[end] + 1 { end += 1 }
            if end - index >= 2 {
                pieces.append(.run(values[index], values[end]))
            } else {
                pieces += values[index...end].map(Piece.single)
            }
            index = end + 1
        }
        return pieces
    }

    /// The common step when `values` (at least 3) are evenly spaced more than 1 apart.
    static func step(_ values: [Int]) -> Int? {
        guard values.count >= 3 else { return nil }
        let step = values[1] - values[0]
        guard step > 1, zip(values, values.dropFirst()).allSatisfy({ $1 - $0 == step }) else { return nil }
        return step
    }

    /// The step `n` when `values` are exactly what `*/n` selects in `range`.
    static func starStep(_ values: [Int], in range: ClosedRange<Int>) -> Int? {
        guard let step = step(values), values.first == range.lowerBound, let last = values.last, last + step > range.upperBound else {
            return nil
        }
        return step
    }

    /// Cron syntax for `bits` within `range`: `*`, `*/n`, `a-b/n` or a list of
    /// values and `a-b` runs. With `allowsStar` false the result never starts
    /// with `*`, so a restricted field stays restricted when parsed again.
    static func cron(_ bits: FieldBits, in range: ClosedRange<Int>, allowsStar: Bool) -> String {
        let values = bits.values
        if allowsStar, bits == FieldBits(range) { return "*" }
        if allowsStar, let step = starStep(values, in: range) { return "*/\(step)" }
        if let step = step(values), let first = values.first, let last = values.last {
            return "\(first)-\(last)/\(step)"
        }
        return pieces(values).map { piece in
            switch piece {
            case .single(let value): "\(value)"
            case .run(let lower, let upper): "\(lower)-\(upper)"
            }
        }.joined(separator: ",")
    }
}
