#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Pipelines

/// Runs one `parquet` loader node: streams the input batches through a ``ParquetWriter`` into a
/// hidden temporary file next to the target, and renames it to the target only when the whole
/// run succeeds, so the target is never half-written.
struct ParquetLoader: NodeOperator {
    var path: String
    var options: ParquetWriterOptions

    func run(_ context: NodeContext) async throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = directory + "/." + url.lastPathComponent + "." + context.parameters.executionID.uuidString.lowercased() + ".tmp"
        let sink = try FileSink(path: temporary)
        do {
            var writer: ParquetWriter?
            let input = context.inputs[0]
            while let batch = try await input.next() {
                if writer == nil { writer = try ParquetWriter(schema: batch.schema, sink: sink, options: options) }
                try await writer?.write(batch)
            }
            if writer == nil {
                // No batch arrived, so no schema either: the file has no column and no row.
                context.log(.warning, "The input was empty: \(path) has no columns")
            }
            let summary = try await (writer ?? ParquetWriter(schema: Schema([]), sink: sink, options: options)).close()
            try sink.close()
            let target = path
            context.onCommit({
                guard rename(temporary, target) == 0 else {
                    throw NodeFailure("cannot rename to \(target): \(String(cString: strerror(errno)))")
                }
            }, rollback: { _ = unlink(temporary) })
            context.recordLoaded(rows: summary.rows, bytes: summary.bytes)
            context.log(
                .info, "Wrote \(summary.rows) rows in \(summary.rowGroups) row group(s) to \(path)",
                metadata: [
                    "rows": .integer(summary.rows), "bytes": .integer(summary.bytes), "row_groups": .integer(Int64(summary.rowGroups)),
                    "compression": .string(options.compression.rawValue),
                ])
        } catch {
            try? sink.close()
            _ = unlink(temporary)
            throw error
        }
    }
}
