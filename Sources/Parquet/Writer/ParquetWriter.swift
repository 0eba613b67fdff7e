import Pipelines

/// Writes record batches as one Parquet file to a ``ParquetSink``, streaming: rows are
/// buffered as encoded, compressed pages for the current row group only, and each finished
/// row group goes to the sink before the next one starts. ``close()`` writes the footer.
///
/// ```swift
/// let writer = try ParquetWriter(schema: batch.schema, sink: FileSink(path: "/tmp/out.parquet"))
/// try await writer.write(batch)
/// let summary = try await writer.close()
/// ```
///
/// Every column is OPTIONAL; types map as DESIGN.md wants them to survive: decimals keep
/// precision and scale, timestamps are MICROS (UTC-adjusted for timestamptz), UUIDs are
/// FIXED_LEN_BYTE_ARRAY(16) with the UUID logical type.
public final class ParquetWriter {
    /// The file's columns.
    public let schema: Schema
    private let sink: any ParquetSink
    private let options: ParquetWriterOptions
    private let layouts: [ColumnLayout]
    private let rowGroup: RowGroupBuffer
    private var rowGroups: [RowGroupRecord] = []
    private var offset: Int64 = 0
    private var rowCount: Int64 = 0
    private var started = false
    private var closed = false

    /// A writer of `schema` to `sink`; nothing is written before the first row group or
    /// ``close()``.
    public init(schema: Schema, sink: any ParquetSink, options: ParquetWriterOptions = ParquetWriterOptions()) throws {
        try options.validate()
        self.schema = schema
        self.sink = sink
        self.options = options
        layouts = schema.fields.map(ColumnLayout.init(field:))
        let compressor = try options.compression.makeCompressor()
        rowGroup = RowGroupBuffer(
            columns: layouts.map { $0.writer(limits: options.pageLimits, compression: options.compression, compressor: compressor) })
    }

    /// Bytes handed to the sink so far.
    public var bytesWritten: Int64 { offset }

    /// Rows taken so far, buffered or written.
    public var rowsWritten: Int64 { rowCount + Int64(rowGroup.rowCount) }

    /// Appends the rows of `batch`, whose schema must be the file's; full row groups are
    /// written to the sink on the way.
    public func write(_ batch: RecordBatch) async throws {
        guard !closed else { throw ParquetWriterError.closed }
        guard batch.schema == schema else {
            throw ParquetWriterError.schemaMismatch(expected: describe(schema), found: describe(batch.schema))
        }
        var start = 0
        while start < batch.rowCount {
            let end = min(batch.rowCount, start + options.rowGroupRows - rowGroup.rowCount)
            try rowGroup.append(batch, rows: start..<end)
            start = end
            if rowGroup.rowCount >= options.rowGroupRows || rowGroup.bufferedBytes >= options.rowGroupBytes {
                try await flushRowGroup()
            }
        }
    }

    /// Closes the current row group and writes it, even when it holds no row (an empty row
    /// group, which readers accept).
    public func flushRowGroup() async throws {
        guard !closed else { throw ParquetWriterError.closed }
        try await startIfNeeded()
        let rows = rowGroup.rowCount
        let record = try await rowGroup.flush(to: sink, at: offset, ordinal: Int16(truncatingIfNeeded: rowGroups.count))
        offset += record.columns.reduce(0) { $0 + $1.compressedSize }
        rowCount += Int64(rows)
        rowGroups.append(record)
    }

    /// Writes the last row group (if it has rows) and the footer. The sink is not closed.
    @discardableResult
    public func close() async throws -> ParquetFileSummary {
        guard !closed else { throw ParquetWriterError.closed }
        if rowGroup.rowCount > 0 { try await flushRowGroup() }
        try await startIfNeeded()
        let root = SchemaElement(name: "schema", childCount: Int32(layouts.count))
        let footer = FileMetadataRecord(
            schema: [root] + layouts.map(\.element), rowCount: rowCount, rowGroups: rowGroups, createdBy: options.createdBy
        ).encoded
        var tail = footer
        withUnsafeBytes(of: UInt32(footer.count).littleEndian) { tail.append(contentsOf: $0) }
        tail.append(contentsOf: Self.magic)
        try await sink.write(tail)
        offset += Int64(tail.count)
        closed = true
        return ParquetFileSummary(rows: rowCount, rowGroups: rowGroups.count, bytes: offset)
    }

    private func startIfNeeded() async throws {
        guard !started else { return }
        try await sink.write(Self.magic)
        offset = Int64(Self.magic.count)
        started = true
    }

    private func describe(_ schema: Schema) -> String {
        "(" + schema.fields.map { "\($0.name) \($0.type)" }.joined(separator: ", ") + ")"
    }

    private static let magic: [UInt8] = Array("PAR1".utf8)
}

/// What a closed ``ParquetWriter`` wrote.
public struct ParquetFileSummary: Sendable, Hashable {
    /// Rows in the file.
    public var rows: Int64
    /// Row groups in the file, empty ones included.
    public var rowGroups: Int
    /// The file's size.
    public var bytes: Int64
}
