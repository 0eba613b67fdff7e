import Foundation

/// The functions of the expression language. Each is pure: it sees its arguments only.
public enum ExpressionFunction: String, Sendable, Hashable, CaseIterable {
    // Strings.
    case lower, upper, trim, ltrim, rtrim, length, substr, concat, replace
    case startsWith = "starts_with", endsWith = "ends_with", contains
    // Nulls and choice.
    case coalesce, nullif
    case `if`
    // Numbers.
    case abs, round, floor, ceil
    // Dates: `date(x)`, `year/month/day(x)`, `date_add(d, days)`, `date_diff(a, b)` in days.
    case date, year, month, day
    case dateAdd = "date_add", dateDiff = "date_diff"
    /// `cast(x, 'int64')`.
    case cast

    var arity: ClosedRange<Int> {
        switch self {
        case .lower, .upper, .trim, .ltrim, .rtrim, .length, .abs, .floor, .ceil, .date, .year, .month, .day: 1...1
        case .substr: 2...3
        case .concat, .coalesce: 1...64
        case .replace, .if: 3...3
        case .startsWith, .endsWith, .contains, .nullif, .dateAdd, .dateDiff, .cast: 2...2
        case .round: 1...2
        }
    }

    var arityDescription: String { arity.count == 1 ? "\(arity.lowerBound)" : "\(arity.lowerBound)–\(arity.upperBound)" }

    /// The type of the result given the argument types (nil where unknown).
    func resultType(_ arguments: [DataType?], literalArguments: [Value?]) -> DataType? {
        switch self {
        case .lower, .upper, .trim, .ltrim, .rtrim, .substr, .concat, .replace: .string
        case .length, .year, .month, .day, .dateDiff: .int64
        case .startsWith, .endsWith, .contains: .bool
        case .coalesce, .nullif, .abs: arguments.first ?? nil
        case .if: arguments.count > 1 ? arguments[1] : nil
        case .round, .floor, .ceil:
            if case .decimal(let precision, _)? = arguments.first ?? nil {
                .decimal(precision: precision, scale: self == .round ? literalScale(literalArguments) : 0)
            } else {
                arguments.first ?? nil
            }
        case .date, .dateAdd: .date
        case .cast: literalArguments.count > 1 ? literalArguments[1]?.text.flatMap(DataType.init(name:)) : nil
        }
    }

    private func literalScale(_ arguments: [Value?]) -> Int {
        if arguments.count > 1, case .int(let digits)? = arguments[1] { return max(0, Int(digits)) }
        return 0
    }

    /// Applies the function to evaluated arguments.
    func apply(_ arguments: [Value]) throws(ExpressionError) -> Value {
        switch self {
        case .coalesce: return arguments.first { !$0.isNull } ?? .null
        case .nullif: return arguments[0] == arguments[1] ? .null : arguments[0]
        case .if:
            if case .bool(true) = arguments[0] { return arguments[1] }
            return arguments[2]
        case .concat: return .string(arguments.compactMap(\.text).joined())
        default: break
        }
        if arguments.contains(where: \.isNull) { return .null }
        switch self {
        case .lower: return .string(try text(arguments[0]).lowercased())
        case .upper: return .string(try text(arguments[0]).uppercased())
        case .trim: return .string(try text(arguments[0]).trimmingCharacters(in: .whitespacesAndNewlines))
        case .ltrim: return .string(String(try text(arguments[0]).drop(while: \.isWhitespace)))
        case .rtrim:
            let value = try text(arguments[0])
            return .string(String(value[..<(value.lastIndex { !$0.isWhitespace }.map(value.index(after:)) ?? value.startIndex)]))
        case .length: return .int(Int64(try text(arguments[0]).count))
        case .substr:
            let value = Array(try text(arguments[0]))
            let start = max(0, Int(try integer(arguments[1])) - 1)
            let count = arguments.count > 2 ? max(0, Int(try integer(arguments[2]))) : value.count
            guard start < value.count else { return .string("") }
            return .string(String(value[start..<min(value.count, start + count)]))
        case .replace:
            return .string(try text(arguments[0]).replacingOccurrences(of: try text(arguments[1]), with: try text(arguments[2])))
        case .startsWith: return .bool(try text(arguments[0]).hasPrefix(try text(arguments[1])))
        case .endsWith: return .bool(try text(arguments[0]).hasSuffix(try text(arguments[1])))
        case .contains: return .bool(try text(arguments[0]).contains(try text(arguments[1])))
        case .abs:
            switch arguments[0] {
            case .int(let value): return .int(Swift.abs(value))
            case .float(let value): return .float(Swift.abs(value))
            case .decimal(let value): return .decimal(DecimalValue(units: value.units < 0 ? -value.units : value.units, scale: value.scale))
            default: throw ExpressionError("abs needs a number, not \(arguments[0])")
            }
        case .round, .floor, .ceil:
            let digits = arguments.count > 1 ? Int(try integer(arguments[1])) : 0
            switch arguments[0] {
            case .int: return arguments[0]
            case .decimal(let value) where self == .round:
                guard let rounded = value.rescaled(to: max(0, digits)) else { throw ExpressionError("round overflows") }
                return .decimal(rounded)
            default:
                let number = try double(arguments[0])
                let factor = pow(10.0, Double(digits))
                let rule: FloatingPointRoundingRule = self == .round ? .toNearestOrAwayFromZero : self == .floor ? .down : .up
                let result = (number * factor).rounded(rule) / factor
                if case .decimal(let value) = arguments[0], let exact = DecimalValue(result, scale: self == .round ? value.scale : 0) {
                    return .decimal(exact)
                }
                return .float(result)
            }
        case .date: return try convert(arguments[0], to: .date)
        case .year, .month, .day:
            guard case .date(let days) = try convert(arguments[0], to: .date) else { return .null }
            let civil = CivilTime.civil(days: days)
            return .int(Int64(self == .year ? civil.year : self == .month ? civil.month : civil.day))
        case .dateAdd:
            guard case .date(let days) = try convert(arguments[0], to: .date) else { return .null }
            return .date(days + Int32(clamping: try integer(arguments[1])))
        case .dateDiff:
            guard case .date(let first) = try convert(arguments[0], to: .date),
                case .date(let second) = try convert(arguments[1], to: .date)
            else { return .null }
            return .int(Int64(first) - Int64(second))
        case .cast:
            guard let type = arguments[1].text.flatMap(DataType.init(name:)) else {
                throw ExpressionError("cast needs a type name such as 'int64', not \(arguments[1])")
            }
            return try convert(arguments[0], to: type)
        case .coalesce, .nullif, .if, .concat: return .null
        }
    }

    private func text(_ value: Value) throws(ExpressionError) -> String {
        guard let text = value.text else { throw ExpressionError("\(rawValue) needs a value") }
        return text
    }

    private func integer(_ value: Value) throws(ExpressionError) -> Int64 {
        if case .int(let number) = value { return number }
        if let number = value.doubleValue, number == number.rounded() { return Int64(number) }
        throw ExpressionError("\(rawValue) needs an integer, not \(value)")
    }

    private func double(_ value: Value) throws(ExpressionError) -> Double {
        guard let number = value.doubleValue else { throw ExpressionError("\(rawValue) needs a number, not \(value)") }
        return number
    }
}

/// A conversion inside an expression; its failure is an expression error.
func convert(_ value: Value, to type: DataType) throws(ExpressionError) -> Value {
    do {
        return try value.converted(to: type)
    } catch {
        throw ExpressionError(error.description)
    }
}
