import Pipelines

/// Turns a running binary read — a `COPY … TO STDOUT (FORMAT binary)` or `FETCH`es from a
/// binary cursor — into record batches, decoding each cell straight from libpq's buffer.
struct BatchReader {
    enum Source {
        case copy
        /// A cursor declared `BINARY` in the current transaction.
        case cursor(name: String)
    }

    let schema: Schema
    let types: [WireType]
    let source: Source
    private var headerRead = false
    private var finished = false
    private var builders: [ColumnBuilder]

    init(schema: Schema, types: [WireType], source: Source, batchSize: Int) {
        self.schema = schema
        self.types = types
        self.source = source
        builders = schema.fields.map { ColumnBuilder(type: $0.type, capacity: batchSize) }
    }

    /// Up to `rows` rows; nil when the read is over.
    mutating func next(_ session: PostgresSession, rows: Int) throws(PostgresError) -> RecordBatch? {
        guard !finished else { return nil }
        switch source {
        case .copy:
            while builders[0].count < rows {
                guard try session.nextCopyMessage({ message throws(PostgresError) in try decodeCopyMessage(message) }) else {
                    finished = true
                    break
                }
            }
        case .cursor(let name):
            let types = types
            let fetched = try session.fetchBinary("FETCH FORWARD \(rows) FROM \(SQL.identifier(name))") { _, column, cell throws(PostgresError) in
                try BinaryCellDecoder.append(cell, as: types[column], to: &builders[column])
            }
            if fetched < rows { finished = true }
        }
        guard builders[0].count > 0 else { return nil }
        return RecordBatch(schema: schema, columns: builders.indices.map { builders[$0].finish() })
    }

    /// Decodes one COPY data message: the stream header (first message only), then rows until
    /// the message ends or the trailer (-1) comes.
    private mutating func decodeCopyMessage(_ message: UnsafeRawBufferPointer) throws(PostgresError) {
        var offset = 0
        if !headerRead {
            let signature = BinaryCopyEncoder.signature
            guard message.count >= 19, message.prefix(11).elementsEqual(signature) else {
                throw .invalidData("the server's COPY output is not in the binary format")
            }
            offset = 19 + Int(message.int32(at: 15))
            headerRead = true
        }
        while offset + 2 <= message.count {
            let fields = Int(message.int16(at: offset))
            offset += 2
            if fields == -1 { return }
            guard fields == types.count else {
                throw .invalidData("a COPY row has \(fields) fields, expected \(types.count)")
            }
            for column in 0..<fields {
                guard offset + 4 <= message.count else { throw .invalidData("a COPY row is truncated") }
                let length = Int(message.int32(at: offset))
                offset += 4
                if length < 0 {
                    builders[column].appendNull()
                    continue
                }
                guard offset + length <= message.count else { throw .invalidData("a COPY row is truncated") }
                try BinaryCellDecoder.append(UnsafeRawBufferPointer(rebasing: message[offset..<offset + length]), as: types[column], to: &builders[column])
                offset += length
            }
        }
    }
}
