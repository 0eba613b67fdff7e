import Foundation
import Pipelines
import S3Client

/// Runs one `s3` loader node: writes its input as objects `<prefix><execution id>-<part>.<ext>`,
/// starting a new object when one reaches `max_rows_per_file` rows or `max_bytes_per_file`
/// bytes. Each object streams as a multipart upload that is completed only when the whole run
/// succeeds, and aborted otherwise, so no partial object is ever visible.
struct S3Loader: NodeOperator {
    var access: S3Access
    var bucket: String
    /// The key prefix, ending with `/` unless empty.
    var prefix: String
    var format: ObjectFormat
    var maxRows: Int?
    var maxBytes: Int64?
    var partSize: Int

    /// Rows per slice when objects are split by bytes, so a split lands near the limit.
    static let sliceRows = 1024

    func run(_ context: NodeContext) async throws {
        let client = try await access.client()
        let stem = prefix + context.parameters.executionID.uuidString.lowercased()
        var written: [WrittenObject] = []
        var current: ObjectUpload?
        do {
            let input = context.inputs[0]
            while let batch = try await input.next() {
                var start = 0
                while start < batch.rowCount {
                    let object: ObjectUpload
                    if let current { object = current } else {
                        object = try await ObjectUpload(
                            client: client, bucket: bucket, key: stem + "-" + Self.partLabel(written.count + 1) + format.fileExtension,
                            format: format, partSize: partSize)
                        current = object
                    }
                    var end = batch.rowCount
                    if let maxRows { end = min(end, start + maxRows - Int(object.rows)) }
                    if maxBytes != nil { end = min(end, start + Self.sliceRows) }
                    try await object.write(batch.slice(start..<end), context: context)
                    start = end
                    if maxRows.map({ object.rows >= $0 }) == true || maxBytes.map({ object.bytes >= $0 }) == true {
                        written.append(try await object.finish())
                        current = nil
                    }
                }
            }
            if let object = current {
                written.append(try await object.finish())
                current = nil
            }
        } catch {
            await current?.abort()
            for object in written { await object.upload.abort(using: client) }
            throw error
        }
        let uploads = written.map(\.upload)
        context.onCommit({ try await Self.publish(uploads, client: client) }, rollback: {
            // Rollback cannot wait; nothing was completed, so the uploads are invisible anyway.
            Task { for upload in uploads { await upload.abort(using: client) } }
        })
        report(written, context: context)
    }

    /// Records and logs what was written.
    private func report(_ written: [WrittenObject], context: NodeContext) {
        let rows = written.reduce(0) { $0 + $1.rows }
        let bytes = written.reduce(0) { $0 + $1.bytes }
        context.recordLoaded(rows: rows, bytes: bytes)
        guard !written.isEmpty else {
            context.log(.warning, "The input was empty: no object written to s3://\(bucket)/\(prefix)")
            return
        }
        let keys = written.map(\.upload.key)
        context.log(
            .info, "Wrote \(rows) rows in \(written.count) object(s) to s3://\(bucket)/: \(keys.joined(separator: ", "))",
            metadata: [
                "rows": .integer(rows), "bytes": .integer(bytes), "bucket": .string(bucket), "keys": .array(keys.map { .string($0) }),
            ])
    }

    /// Completes every upload; if one fails, removes the objects already published and aborts the rest.
    static func publish(_ objects: [S3UploadedObject], client: S3Client) async throws {
        for (index, object) in objects.enumerated() {
            do {
                try await object.complete(using: client)
            } catch {
                for done in objects[..<index] { try? await client.deleteObject(bucket: done.bucket, key: done.key) }
                for rest in objects[(index + 1)...] { await rest.abort(using: client) }
                throw error
            }
        }
    }

    /// `00001`: part numbers padded so keys sort in order.
    static func partLabel(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}
