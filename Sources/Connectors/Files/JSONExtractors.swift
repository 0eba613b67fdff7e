import Foundation
import Pipelines

/// Reads a JSON Lines file: one JSON object per line, blank lines skipped. Other sources of
/// JSON Lines bytes (an object store) run it over their own ``ByteChunkReader``.
public struct JSONLinesExtractor: NodeOperator {
    /// The file read, or the name of the source in log lines.
    var path: String
    var declared: ColumnDeclarations

    init(path: String, declared: ColumnDeclarations) {
        self.path = path
        self.declared = declared
    }

    /// An extractor of `path` (or of a source called so) with the `columns` of `config`.
    public init(path: String, config: ModuleConfig) throws {
        self.init(path: path, declared: try ColumnDeclarations(config: config))
    }

    public func run(_ context: NodeContext) async throws {
        try await read(ByteFileReader(path: path), context: context)
    }

    /// Parses the JSON Lines bytes of `reader` and emits them as batches.
    public func read(_ reader: some ByteChunkReader, context: NodeContext) async throws {
        var batcher = JSONRecordBatcher(declared: declared)
        var lineNumber = 0
        var atEnd = false
        while true {
            var batches: [RecordBatch] = []
            let lines: [String] = reader.buffer.withUnsafeBufferPointer { buffer in
                var lines: [String] = []
                var start = reader.start
                for index in reader.start..<reader.end where buffer[index] == 10 {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self))
                    start = index + 1
                }
                if atEnd, start < reader.end {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<reader.end]), as: UTF8.self))
                    start = reader.end
                }
                reader.consume(start - reader.start)
                return lines
            }
            for line in lines {
                lineNumber += 1
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                let record: JSONValue
                do {
                    record = try JSONValue(parsing: line)
                } catch {
                    try context.reject(row: ["line": .string(line)], reason: "line \(lineNumber) is not valid JSON")
                    continue
                }
                if let batch = try batcher.add(record, context: context) { batches.append(batch) }
            }
            for batch in batches { try await context.output.emit(batch) }
            context.reportProgress(reader.fraction)
            if context.output.isClosed || atEnd { break }
            atEnd = try await !reader.fill()
        }
        if let batch = try batcher.finish(context: context) { try await context.output.emit(batch) }
        context.log(.info, "Extracted \(batcher.rows) rows from \(path)", metadata: ["rows": .integer(batcher.rows)])
    }
}

/// Reads a JSON document and takes its records from `records_path` (dotted keys, e.g.
/// `data.items`; empty for a top-level array).
struct JSONDocumentExtractor: NodeOperator {
    var path: String
    var recordsPath: String
    var declared: ColumnDeclarations

    func run(_ context: NodeContext) async throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw NodeFailure("cannot read \(path): \(error.localizedDescription)")
        }
        var document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw NodeFailure("\(path) is not valid JSON")
        }
        for key in recordsPath.split(separator: ".") {
            guard let inner = document[String(key)] else { throw NodeFailure("\(path) has no \(recordsPath)") }
            document = inner
        }
        let records: [JSONValue]
        switch document {
        case .array(let items): records = items
        case .object: records = [document]
        default: throw NodeFailure("\(recordsPath.isEmpty ? "the document" : recordsPath) in \(path) is not an array of objects")
        }
        var batcher = JSONRecordBatcher(declared: declared)
        for record in records {
            if let batch = try batcher.add(record, context: context) { try await context.output.emit(batch) }
            if context.output.isClosed { return }
        }
        if let batch = try batcher.finish(context: context) { try await context.output.emit(batch) }
        context.reportProgress(1)
        context.log(.info, "Extracted \(batcher.rows) rows from \(path)", metadata: ["rows": .integer(batcher.rows)])
    }
}
