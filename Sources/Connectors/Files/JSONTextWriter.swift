import Pipelines

/// Formats rows as JSON objects, one per line, keys in column order: numbers and booleans as
/// JSON literals, JSON columns embedded as documents, everything else as strings.
public struct JSONTextWriter: Sendable {
    /// A writer (it keeps no state: prepare the keys once with ``keys(_:)``).
    public init() {}

    /// Appends row `row`; throws a reason when a value has no JSON form (NaN, infinity).
    public func appendRow(_ batch: RecordBatch, row: Int, keys: [[UInt8]], to output: inout [UInt8]) throws(NodeFailure) {
        output.append(UInt8(ascii: "{"))
        for (index, column) in batch.columns.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: keys[index])
            output.append(UInt8(ascii: ":"))
            if column.isNull(row) {
                output.append(contentsOf: "null".utf8)
                continue
            }
            switch column.type {
            case .int16, .int32, .int64: CellFormatter.writer(for: column, string: { _, _ in })(row, &output)
            case .float32, .float64:
                let value = column[row].doubleValue ?? .nan
                guard value.isFinite else { throw NodeFailure("\(batch.schema.fields[index].name): \(value) has no JSON form") }
                CellFormatter.appendDouble(value, to: &output)
            case .bool: output.append(contentsOf: (column[row] == .bool(true) ? "true" : "false").utf8)
            case .json: CellFormatter.writer(for: column) { bytes, out in out.append(contentsOf: bytes) }(row, &output)
            case .date, .timestamp, .timestamptz:
                // ISO 8601 text, which has nothing to escape: quoted as it is formatted.
                output.append(UInt8(ascii: "\""))
                CellFormatter.writer(for: column, string: Self.appendString)(row, &output)
                output.append(UInt8(ascii: "\""))
            default: CellFormatter.writer(for: column, string: Self.appendString)(row, &output)
            }
        }
        output.append(contentsOf: "}\n".utf8)
    }

    /// The quoted key of each column, prepared once.
    public static func keys(_ schema: Schema) -> [[UInt8]] {
        schema.names.map { name in
            var output: [UInt8] = []
            var name = name
            name.withUTF8 { appendString($0, to: &output) }
            return output
        }
    }

    static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case 10: output.append(contentsOf: "\\n".utf8)
            case 13: output.append(contentsOf: "\\r".utf8)
            case 9: output.append(contentsOf: "\\t".utf8)
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: "\\u00".utf8)
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 15)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
