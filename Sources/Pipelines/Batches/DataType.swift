/// The column types a ``RecordBatch`` carries (DESIGN.md): the same set from every source to
/// every target, so a `numeric(12,2)` stays a decimal(12,2) end to end.
public enum DataType: Sendable, Hashable, CustomStringConvertible {
    case bool, int16, int32, int64, float32, float64
    /// An exact decimal with `precision` digits, `scale` of them after the point (precision ≤ 38).
    case decimal(precision: Int, scale: Int)
    case string, bytes
    /// A calendar date (days since 1970-01-01).
    case date
    /// A wall-clock timestamp without zone (microseconds since 1970-01-01T00:00:00).
    case timestamp
    /// An instant (microseconds since the Unix epoch, UTC).
    case timestamptz
    case uuid
    /// A JSON document kept as its text.
    case json

    /// The name used in configs and messages: `int64`, `decimal(12,2)`, `timestamptz`…
    public var description: String {
        switch self {
        case .bool: "bool"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .float32: "float32"
        case .float64: "float64"
        case .decimal(let precision, let scale): "decimal(\(precision),\(scale))"
        case .string: "string"
        case .bytes: "bytes"
        case .date: "date"
        case .timestamp: "timestamp"
        case .timestamptz: "timestamptz"
        case .uuid: "uuid"
        case .json: "json"
        }
    }

    /// Parses a type name as written in configs, with common aliases (`integer`, `text`,
    /// `double`, `numeric(12,2)`, `boolean`…). Nil when the name is not a type.
    public init?(name: String) {
        let lowered = name.lowercased().filter { !$0.isWhitespace }
        if let open = lowered.firstIndex(of: "("), lowered.hasSuffix(")"),
            ["decimal", "numeric"].contains(String(lowered[..<open]))
        {
            let inner = lowered[lowered.index(after: open)..<lowered.index(before: lowered.endIndex)]
            let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
            guard let precision = Int(parts[0]), (1...38).contains(precision) else { return nil }
            let scale = parts.count > 1 ? Int(parts[1]) : 0
            guard parts.count <= 2, let scale, (0...precision).contains(scale) else { return nil }
            self = .decimal(precision: precision, scale: scale)
            return
        }
        switch lowered {
        case "bool", "boolean": self = .bool
        case "int16", "smallint": self = .int16
        case "int32", "int", "integer": self = .int32
        case "int64", "bigint", "long": self = .int64
        case "float32", "real", "float": self = .float32
        case "float64", "double", "number": self = .float64
        case "decimal", "numeric": self = .decimal(precision: 38, scale: 0)
        case "string", "text", "varchar": self = .string
        case "bytes", "bytea", "binary": self = .bytes
        case "date": self = .date
        case "timestamp", "datetime": self = .timestamp
        case "timestamptz": self = .timestamptz
        case "uuid": self = .uuid
        case "json", "jsonb": self = .json
        default: return nil
        }
    }

    /// Whether values of the type are numbers (for arithmetic and aggregation).
    public var isNumeric: Bool {
        switch self {
        case .int16, .int32, .int64, .float32, .float64, .decimal: true
        default: false
        }
    }

    /// The type names accepted by ``init(name:)``, for schemas and messages.
    public static let names = [
        "bool", "int16", "int32", "int64", "float32", "float64", "decimal(p,s)", "string", "bytes", "date",
        "timestamp", "timestamptz", "uuid", "json",
    ]
}
