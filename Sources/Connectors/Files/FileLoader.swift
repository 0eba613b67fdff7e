import Pipelines

/// The csv and jsonl loaders: format every input batch into an ``OutputFile`` and commit it
/// when the run succeeds.
struct FileLoader: NodeOperator {
    enum Format: Sendable {
        case csv(CSVWriter, header: Bool)
        case jsonl
    }

    var path: String
    var format: Format

    func run(_ context: NodeContext) async throws {
        let file = try OutputFile(path: path, executionID: context.parameters.executionID)
        do {
            var rows: Int64 = 0
            var wroteHeader = false
            var keys: [[UInt8]]?
            let input = context.inputs[0]
            while let batch = try await input.next() {
                switch format {
                case .csv(let writer, let header):
                    if header, !wroteHeader {
                        writer.appendHeader(batch.schema, to: &file.pending)
                        wroteHeader = true
                    }
                    writer.appendRows(batch, to: &file.pending)
                    rows += Int64(batch.rowCount)
                case .jsonl:
                    if keys == nil { keys = JSONTextWriter.keys(batch.schema) }
                    let writer = JSONTextWriter()
                    for row in 0..<batch.rowCount {
                        let mark = file.pending.count
                        do {
                            try writer.appendRow(batch, row: row, keys: keys!, to: &file.pending)
                            rows += 1
                        } catch {
                            file.pending.removeSubrange(mark...)
                            try context.reject(batch, row: row, reason: error.message)
                        }
                    }
                }
                try file.flush()
            }
            try file.complete(context: context)
            context.recordLoaded(rows: rows, bytes: file.bytesWritten)
            context.log(.info, "Wrote \(rows) rows to \(path)", metadata: ["rows": .integer(rows), "bytes": .integer(file.bytesWritten)])
        } catch {
            file.discard()
            throw error
        }
    }
}
