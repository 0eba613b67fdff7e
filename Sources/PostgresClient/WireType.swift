import Pipelines

/// A PostgreSQL column type this client reads and writes in the binary format, with the batch
/// type it maps to. Types outside this set travel as text (the extractor casts them).
public enum WireType: Sendable, Hashable {
    case bool, int2, int4, int8, float4, float8
    /// `numeric(p,s)` with p ≤ 38: an exact ``DataType/decimal(precision:scale:)``.
    case decimal(precision: Int, scale: Int)
    /// `numeric` without a precision, or wider than 38 digits: its exact text as a string
    /// (`NaN` and `Infinity` included), because no fixed scale or 128-bit integer holds every value.
    case numericText
    /// text, varchar, bpchar, name.
    case text
    case bytea, date, timestamp, timestamptz, uuid, json, jsonb

    /// The type of a column with type `oid` and modifier `typmod`; nil for types read as text.
    public init?(oid: UInt32, typmod: Int32) {
        switch oid {
        case 16: self = .bool
        case 17: self = .bytea
        case 19, 25, 1042, 1043: self = .text
        case 20: self = .int8
        case 21: self = .int2
        case 23: self = .int4
        case 114: self = .json
        case 700: self = .float4
        case 701: self = .float8
        case 1082: self = .date
        case 1114: self = .timestamp
        case 1184: self = .timestamptz
        case 1700:
            // typmod is ((precision << 16) | scale) + 4 (VARHDRSZ); -1 when unconstrained.
            guard typmod >= 4 else {
                self = .numericText
                return
            }
            let precision = Int((typmod - 4) >> 16 & 0xFFFF)
            let scale = Int((typmod - 4) & 0xFFFF)
            self = precision <= 38 && scale <= precision ? .decimal(precision: precision, scale: scale) : .numericText
        case 2950: self = .uuid
        case 3802: self = .jsonb
        default: return nil
        }
    }

    /// The batch type of the column's cells.
    public var dataType: DataType {
        switch self {
        case .bool: .bool
        case .int2: .int16
        case .int4: .int32
        case .int8: .int64
        case .float4: .float32
        case .float8: .float64
        case .decimal(let precision, let scale): .decimal(precision: precision, scale: scale)
        case .numericText, .text: .string
        case .bytea: .bytes
        case .date: .date
        case .timestamp: .timestamp
        case .timestamptz: .timestamptz
        case .uuid: .uuid
        case .json, .jsonb: .json
        }
    }

    /// The PostgreSQL type a column of batch type `type` gets when a table is created for it
    /// and the batch carries no PostgreSQL type of its own.
    public static func ddlName(for type: DataType) -> String {
        switch type {
        case .bool: "boolean"
        case .int16: "smallint"
        case .int32: "integer"
        case .int64: "bigint"
        case .float32: "real"
        case .float64: "double precision"
        case .decimal(let precision, let scale): "numeric(\(precision),\(scale))"
        case .string: "text"
        case .bytes: "bytea"
        case .date: "date"
        case .timestamp: "timestamp without time zone"
        case .timestamptz: "timestamp with time zone"
        case .uuid: "uuid"
        case .json: "jsonb"
        }
    }
}
