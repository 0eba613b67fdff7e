import Foundation

/// One cell of a batch, for row-at-a-time work: join and grouping keys, sorting, expressions.
/// The integer widths share ``int``; the column type keeps the width.
public enum Value: Sendable, Hashable, Comparable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case decimal(DecimalValue)
    case string(String)
    case bytes([UInt8])
    /// Days since 1970-01-01.
    case date(Int32)
    /// Microseconds since 1970-01-01T00:00:00, no zone.
    case timestamp(Int64)
    /// Microseconds since the Unix epoch.
    case timestamptz(Int64)
    case uuid(UUID)
    /// JSON text.
    case json(String)

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The value as a double when it is a number.
    public var doubleValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .float(let value): value
        case .decimal(let value): value.doubleValue
        default: nil
        }
    }

    /// The text of the value as files and messages show it; nil for null.
    public var text: String? {
        switch self {
        case .null: nil
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .float(let value): Value.format(value)
        case .decimal(let value): value.description
        case .string(let value), .json(let value): value
        case .bytes(let value): Data(value).base64EncodedString()
        case .date(let value): CivilTime.formatDate(value)
        case .timestamp(let value): CivilTime.formatTimestamp(value, zoned: false)
        case .timestamptz(let value): CivilTime.formatTimestamp(value, zoned: true)
        case .uuid(let value): value.uuidString.lowercased()
        }
    }

    public var description: String { text ?? "null" }

    /// The value as a JSON document (numbers stay numbers, JSON text is parsed back).
    public var jsonValue: JSONValue {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .int(let value): .integer(value)
        case .float(let value): value.isFinite ? .double(value) : .null
        case .json(let value): (try? JSONValue(parsing: value)) ?? .string(value)
        default: .string(text ?? "")
        }
    }

    /// A cell from a JSON document: numbers, booleans and strings map directly, arrays and
    /// objects become JSON text.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .integer(let value): self = .int(value)
        case .double(let value): self = .float(value)
        case .string(let value): self = .string(value)
        case .array, .object: self = .json(json.canonicalText)
        }
    }

    /// Doubles print without a trailing `.0` when they are whole, as CSV readers expect.
    public static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Total order used by sorting and `min`/`max`: null first, numbers compared by value across
    /// int, float and decimal, then by kind for unrelated kinds.
    public static func < (lhs: Value, rhs: Value) -> Bool { compare(lhs, rhs) < 0 }

    /// -1, 0 or 1.
    public static func compare(_ lhs: Value, _ rhs: Value) -> Int {
        switch (lhs, rhs) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.decimal(let a), .decimal(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)), (.json(let a), .json(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.date(let a), .date(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.timestamp(let a), .timestamp(let b)), (.timestamptz(let a), .timestamptz(let b)):
            return a < b ? -1 : (a == b ? 0 : 1)
        case (.uuid(let a), .uuid(let b)): return a.uuidString < b.uuidString ? -1 : (a == b ? 0 : 1)
        case (.bytes(let a), .bytes(let b)): return a.lexicographicallyPrecedes(b) ? -1 : (a == b ? 0 : 1)
        default:
            if let a = lhs.doubleValue, let b = rhs.doubleValue { return a < b ? -1 : (a == b ? 0 : 1) }
            return lhs.kindRank < rhs.kindRank ? -1 : (lhs.kindRank == rhs.kindRank ? 0 : 1)
        }
    }

    private var kindRank: Int {
        switch self {
        case .null: 0
        case .bool: 1
        case .int, .float, .decimal: 2
        case .string: 3
        case .bytes: 4
        case .date: 5
        case .timestamp: 6
        case .timestamptz: 7
        case .uuid: 8
        case .json: 9
        }
    }
}
