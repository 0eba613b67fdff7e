import Connectors
import Parquet
import Pipelines

/// Turns batches into the bytes of one object in a format, streaming: each call returns the
/// bytes ready so far.
protocol ObjectEncoder: AnyObject {
    /// The bytes of `batch`'s rows and how many rows made it (bad rows are handed to `context`).
    func encode(_ batch: RecordBatch, context: NodeContext) async throws -> (bytes: [UInt8], rows: Int)
    /// The object's last bytes.
    func finish() async throws -> [UInt8]
}

/// CSV with a header row (when asked) at the top of each object.
final class CSVObjectEncoder: ObjectEncoder {
    private let writer: CSVWriter
    private var needsHeader: Bool

    init(writer: CSVWriter, header: Bool) {
        self.writer = writer
        needsHeader = header
    }

    func encode(_ batch: RecordBatch, context: NodeContext) async throws -> (bytes: [UInt8], rows: Int) {
        var output: [UInt8] = []
        if needsHeader {
            writer.appendHeader(batch.schema, to: &output)
            needsHeader = false
        }
        writer.appendRows(batch, to: &output)
        return (output, batch.rowCount)
    }

    func finish() async throws -> [UInt8] { [] }
}

/// JSON Lines; a row with no JSON form (NaN) is rejected under the node's `on_error`.
final class JSONLinesObjectEncoder: ObjectEncoder {
    private let writer = JSONTextWriter()
    private var keys: [[UInt8]]?

    func encode(_ batch: RecordBatch, context: NodeContext) async throws -> (bytes: [UInt8], rows: Int) {
        let keys = self.keys ?? JSONTextWriter.keys(batch.schema)
        self.keys = keys
        var output: [UInt8] = []
        var rows = 0
        for row in 0..<batch.rowCount {
            let mark = output.count
            do {
                try writer.appendRow(batch, row: row, keys: keys, to: &output)
                rows += 1
            } catch {
                output.removeSubrange(mark...)
                try context.reject(batch, row: row, reason: error.message)
            }
        }
        return (output, rows)
    }

    func finish() async throws -> [UInt8] { [] }
}

/// Parquet through a ``ParquetWriter`` into memory, drained after every batch, so only the
/// current row group is held.
final class ParquetObjectEncoder: ObjectEncoder {
    private let options: ParquetWriterOptions
    private let sink = MemorySink()
    private var writer: ParquetWriter?

    init(options: ParquetWriterOptions) { self.options = options }

    func encode(_ batch: RecordBatch, context: NodeContext) async throws -> (bytes: [UInt8], rows: Int) {
        let writer = try self.writer ?? ParquetWriter(schema: batch.schema, sink: sink, options: options)
        self.writer = writer
        try await writer.write(batch)
        return (sink.takeBytes(), batch.rowCount)
    }

    func finish() async throws -> [UInt8] {
        try await writer?.close()
        return sink.takeBytes()
    }
}
