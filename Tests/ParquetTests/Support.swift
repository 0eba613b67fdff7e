import Foundation
import Parquet
import Pipelines

/// The JSON the checker prints for a cell of a batch.
func checkerJSON(_ value: Value) -> JSONValue {
    switch value {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .int(let number): .integer(number)
    case .float(let number): number.isNaN ? .string("NaN") : (number.isInfinite ? .string(number > 0 ? "Infinity" : "-Infinity") : .double(number))
    case .decimal(let decimal): .string(decimal.description)
    case .string(let text), .json(let text): .string(text)
    case .bytes(let bytes): .string(hex(bytes))
    case .date(let days): .integer(Int64(days))
    case .timestamp(let micros), .timestamptz(let micros): .integer(micros)
    case .uuid(let uuid): .string(withUnsafeBytes(of: uuid.uuid) { hex(Array($0)) })
    }
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

/// A scratch directory removed at deinit.
final class ScratchDirectory {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("parquet-\(UUID().uuidString)").path

    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `batches` to `name` and returns the file's path and the writer's summary.
    func write(
        _ name: String, schema: Schema, batches: [RecordBatch], options: ParquetWriterOptions = ParquetWriterOptions()
    ) async throws -> (String, ParquetFileSummary) {
        let file = path + "/" + name
        let sink = try FileSink(path: file)
        let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
        for batch in batches { try await writer.write(batch) }
        let summary = try await writer.close()
        try sink.close()
        return (file, summary)
    }
}

extension JSONValue {
    var integerValue: Int64? { if case .integer(let number) = self { number } else { nil } }
    var boolValue: Bool? { if case .bool(let flag) = self { flag } else { nil } }

    /// Equality that takes `2` and `2.0` as the same number (Python prints whole floats with `.0`).
    func sameAs(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.integer(let a), .double(let b)), (.double(let b), .integer(let a)): Double(a) == b
        default: self == other
        }
    }
}

/// Rows `columns` of `values` as a batch of `schema` (values converted to the column types).
func batch(_ schema: Schema, _ rows: [[Value]]) throws -> RecordBatch { try RecordBatch(schema: schema, rows: rows) }
