import Pipelines

/// Formats batches as CSV bytes: a field is quoted only when it holds the delimiter, the quote
/// or a line break; nulls are empty fields.
public struct CSVWriter: Sendable {
    var dialect: CSVDialect

    /// The config properties of CSV output (delimiter, quote, header), for every module that
    /// writes CSV.
    public static let configProperties: [String: JSONValue] = CSVDialect.schemaProperties.merging([
        "header": ["type": "boolean", "default": true, "title": "Write a header row"],
    ]) { $1 }

    /// A writer with the dialect of `config` (``configProperties``; `header` is the caller's).
    public init(config: ModuleConfig) throws { dialect = try CSVDialect(config: config) }

    /// Appends the column names as a record.
    public func appendHeader(_ schema: Schema, to output: inout [UInt8]) {
        for (index, name) in schema.names.enumerated() {
            if index > 0 { output.append(dialect.delimiter) }
            var name = name
            name.withUTF8 { appendField($0, to: &output) }
        }
        output.append(UInt8(ascii: "\n"))
    }

    /// Appends every row of `batch`, one record per line.
    public func appendRows(_ batch: RecordBatch, to output: inout [UInt8]) {
        let columns = batch.columns
        let writers = columns.map { CellFormatter.writer(for: $0, string: appendField) }
        let masks = columns.map(\.validity)
        for row in 0..<batch.rowCount {
            for index in columns.indices {
                if index > 0 { output.append(dialect.delimiter) }
                if let mask = masks[index], !mask[row] { continue }
                writers[index](row, &output)
            }
            output.append(UInt8(ascii: "\n"))
        }
    }

    private func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let quote = dialect.quote
        let delimiter = dialect.delimiter
        let needsQuotes = bytes.contains { $0 == delimiter || $0 == quote || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            output.append(contentsOf: bytes)
            return
        }
        output.append(quote)
        for byte in bytes {
            if byte == quote { output.append(quote) }
            output.append(byte)
        }
        output.append(quote)
    }
}
