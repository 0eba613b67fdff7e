import Pipelines

/// Reads a CSV file into batches: byte-level record parsing, typed cells parsed straight from
/// the read buffer, a batch emitted every ``RecordBatch/preferredRowCount`` rows. Other
/// sources of CSV bytes (an object store) run it over their own ``ByteChunkReader``.
public struct CSVExtractor: NodeOperator {
    /// The file read, or the name of the source in log lines.
    var path: String
    var dialect: CSVDialect
    var header: Bool
    var latin1: Bool
    var nullValues: Set<[UInt8]>
    var declared: ColumnDeclarations

    /// Rows read before column types are inferred.
    static let inferenceRows = 1000

    /// The config properties of the CSV format (dialect, header, encoding, null texts, column
    /// declarations, bad-row policy), for every module that reads CSV.
    public static let configProperties: [String: JSONValue] = CSVDialect.schemaProperties.merging([
        "header": ["type": "boolean", "default": true, "title": "First row is a header"],
        "encoding": ["type": "string", "enum": ["utf-8", "latin-1"], "default": "utf-8", "title": "Encoding"],
        "null_values": ["type": "array", "items": ["type": "string"], "default": [""], "title": "Texts read as null"],
        "columns": ColumnDeclarations.schemaProperty,
        "on_error": OnErrorPolicy.schemaProperty,
    ]) { $1 }

    /// What the config declares: the column names when `columns` is given, and problems in it.
    public static func analyze(_ config: ModuleConfig) -> ModuleAnalysis {
        ModuleAnalysis(outputColumns: ColumnDeclarations.names(config), problems: ColumnDeclarations.problems(config))
    }

    /// An extractor of `path` (or of a source called so) with the format options of `config`
    /// (``configProperties``).
    public init(path: String, config: ModuleConfig) throws {
        self.path = path
        dialect = try CSVDialect(config: config)
        header = config["header"] != .bool(false)
        latin1 = try config.string("encoding") == "latin-1"
        nullValues = Set(try config.strings("null_values").map { Array($0.utf8) })
        declared = try ColumnDeclarations(config: config)
    }

    public func run(_ context: NodeContext) async throws {
        try await read(ByteFileReader(path: path), context: context)
    }

    /// Parses the CSV bytes of `reader` and emits them as batches; returns the schema of the
    /// rows (nil when there were none), so that a caller reading several sources can declare
    /// the same types for the next ones.
    @discardableResult
    public func read(_ reader: some ByteChunkReader, context: NodeContext) async throws -> Schema? {
        var state = CSVReadState(extractor: self)
        var atEnd = false
        while true {
            let ready = try reader.buffer.withUnsafeBufferPointer { buffer in
                try state.parse(UnsafeBufferPointer(rebasing: buffer[reader.start..<reader.end]), atEnd: atEnd, consumed: reader.consume, context: context)
            }
            if ready, let batch = state.takeBatch() {
                try await context.output.emit(batch)
                context.reportProgress(reader.fraction)
                if context.output.isClosed { return state.schema }
                continue
            }
            if atEnd { break }
            atEnd = try await !reader.fill()
        }
        if let batch = try state.finish(context: context) { try await context.output.emit(batch) }
        context.log(.info, "Extracted \(state.rowsRead) rows from \(path)", metadata: ["rows": .integer(state.rowsRead)])
        return state.schema
    }
}

/// The parsing state of one CSV read: header, inference sample, column builders.
private struct CSVReadState {
    let extractor: CSVExtractor
    let parser: CSVRecordParser
    var fields: [CSVField] = []
    var scratch: [UInt8] = []
    var names: [String]?
    var sample: [[String?]] = []
    var schema: Schema?
    var builders: [ColumnBuilder] = []
    var rowsRead: Int64 = 0
    var recordNumber = 0
    let emptyIsNull: Bool
    let longestNull: Int

    init(extractor: CSVExtractor) {
        self.extractor = extractor
        emptyIsNull = extractor.nullValues.contains([])
        longestNull = extractor.nullValues.map(\.count).max() ?? 0
        parser = CSVRecordParser(delimiter: extractor.dialect.delimiter, quote: extractor.dialect.quote)
    }

    /// Parses complete records from `bytes` until a batch is full (returns true) or the bytes
    /// run out (returns false).
    mutating func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool, consumed: (Int) -> Void, context: NodeContext
    ) throws -> Bool {
        var offset = 0
        defer { consumed(offset) }
        while offset < bytes.count, let next = parser.record(bytes, from: offset, atEnd: atEnd, fields: &fields) {
            let record = offset
            offset = next
            recordNumber += 1
            if fields.count == 1, fields[0].start == fields[0].end, !isQuoted(bytes, record) { continue }  // blank line
            if names == nil {
                if extractor.header {
                    names = fields.map { text(bytes, $0) }
                    continue
                }
                names = extractor.declared.order.count == fields.count ? extractor.declared.order : (1...fields.count).map { "column_\($0)" }
            }
            if schema == nil {
                sample.append(fields.map { field in
                    let cell = text(bytes, field)
                    return isNull(cell) ? nil : cell
                })
                if sample.count >= CSVExtractor.inferenceRows { try startTyped(context: context) }
                continue
            }
            try append(bytes, context: context)
            if builders[0].count >= RecordBatch.preferredRowCount { return true }
        }
        return false
    }

    private func isQuoted(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] == parser.quote
    }

    private func text(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> String {
        var scratch: [UInt8] = []
        if field.hasEscapes {
            parser.unescaped(bytes, field, into: &scratch)
        } else {
            scratch = Array(bytes[field.start..<field.end])
        }
        return extractor.latin1 ? String(scratch.map { Character(Unicode.Scalar($0)) }) : String(decoding: scratch, as: UTF8.self)
    }

    private func isNull(_ text: String) -> Bool { extractor.nullValues.contains(Array(text.utf8)) }

    /// Whether a raw cell is one of the null texts (checked by length first: the usual null
    /// text is the empty string).
    @inline(__always) private func isNull(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        if cell.isEmpty { return emptyIsNull }
        guard cell.count <= longestNull else { return false }
        return extractor.nullValues.contains { $0.count == cell.count && $0.elementsEqual(cell) }
    }

    /// Decides the schema from the header, the declarations and the sample, then replays the
    /// sample into the builders.
    private mutating func startTyped(context: NodeContext) throws {
        let names = self.names ?? []
        let fields = names.enumerated().map { index, name in
            Field(name: name, type: extractor.declared.types[name] ?? TypeInference.infer(sample.compactMap { index < $0.count ? $0[index] : nil }))
        }
        schema = Schema(fields)
        builders = fields.map { ColumnBuilder(type: $0.type, capacity: RecordBatch.preferredRowCount) }
        for row in sample {
            try appendRow(cells: row, context: context)
        }
        sample = []
    }

    private mutating func appendRow(cells: [String?], context: NodeContext) throws {
        guard cells.count == builders.count else {
            try rejectWrongCount(cells.count, cells: cells.map { $0 ?? "" }, context: context)
            return
        }
        for index in builders.indices {
            guard var cell = cells[index] else {
                builders[index].appendNull()
                continue
            }
            let ok = cell.withUTF8 { CellParser.append($0, to: &builders[index]) }
            if !ok {
                for previous in 0..<index { builders[previous].removeLast() }
                try reject(cells.map { $0 ?? "" }, reason: "\(schema!.fields[index].name): \"\(cell)\" is not a valid \(builders[index].type)", context: context)
                return
            }
        }
        rowsRead += 1
    }

    /// Appends the current record, parsed straight from the buffer.
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, context: NodeContext) throws {
        guard fields.count == builders.count else {
            try rejectWrongCount(fields.count, cells: fields.map { text(bytes, $0) }, context: context)
            return
        }
        for index in builders.indices {
            let field = fields[index]
            let ok: Bool
            if field.hasEscapes || (extractor.latin1 && builders[index].type == .string) {
                let cell = text(bytes, field)
                if isNull(cell) {
                    builders[index].appendNull()
                    continue
                }
                var copy = cell
                ok = copy.withUTF8 { CellParser.append($0, to: &builders[index]) }
            } else {
                let cell = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
                if isNull(cell) {
                    builders[index].appendNull()
                    continue
                }
                ok = CellParser.append(cell, to: &builders[index])
            }
            if !ok {
                for previous in 0..<index { builders[previous].removeLast() }
                let cell = text(bytes, field)
                try reject(fields.map { text(bytes, $0) }, reason: "\(schema!.fields[index].name): \"\(cell)\" is not a valid \(builders[index].type)", context: context)
                return
            }
        }
        rowsRead += 1
    }

    private func rejectWrongCount(_ count: Int, cells: [String], context: NodeContext) throws {
        try reject(cells, reason: "record \(recordNumber) has \(count) field(s), expected \(builders.count)", context: context)
    }

    private func reject(_ cells: [String], reason: String, context: NodeContext) throws {
        let names = schema?.names ?? self.names ?? []
        var row: [String: Value] = [:]
        for (index, cell) in cells.enumerated() { row[index < names.count ? names[index] : "column_\(index + 1)"] = .string(cell) }
        try context.reject(row: row, reason: "record \(recordNumber): \(reason)")
    }

    mutating func takeBatch() -> RecordBatch? {
        guard let schema, !builders.isEmpty, builders[0].count > 0 else { return nil }
        return RecordBatch(schema: schema, columns: builders.indices.map { builders[$0].finish() })
    }

    /// The last batch, after inferring types if the file was shorter than the sample.
    mutating func finish(context: NodeContext) throws -> RecordBatch? {
        if schema == nil, names != nil { try startTyped(context: context) }
        return takeBatch()
    }
}
