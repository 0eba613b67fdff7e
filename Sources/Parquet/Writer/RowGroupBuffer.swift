import Pipelines

/// The row group being filled: one chunk writer per column and the rows taken so far.
final class RowGroupBuffer {
    private let columns: [AnyColumnChunkWriter]
    private(set) var rowCount = 0

    init(columns: [AnyColumnChunkWriter]) { self.columns = columns }

    /// Appends rows `rows` of `batch` to every column.
    func append(_ batch: RecordBatch, rows: Range<Int>) throws(ParquetWriterError) {
        for (writer, column) in zip(columns, batch.columns) { try writer.write(column, rows) }
        rowCount += rows.count
    }

    /// Bytes held across the columns.
    var bufferedBytes: Int { columns.reduce(0) { $0 + $1.bufferedBytes() } }

    /// Writes the column chunks one after the other to `sink`, the first at `offset`, and
    /// returns the row group's metadata; the buffer is empty afterwards.
    func flush(to sink: any ParquetSink, at offset: Int64, ordinal: Int16) async throws -> RowGroupRecord {
        var position = offset
        var records: [ColumnChunkRecord] = []
        for writer in columns {
            let chunk = try writer.finish(position)
            for buffer in chunk.buffers { try await sink.write(buffer) }
            position += chunk.record.compressedSize
            records.append(chunk.record)
        }
        defer { rowCount = 0 }
        return RowGroupRecord(columns: records, rowCount: Int64(rowCount), ordinal: ordinal)
    }
}
