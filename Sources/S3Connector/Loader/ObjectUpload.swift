import Pipelines
import S3Client

/// One object the `s3` loader is writing: batches go through the format's encoder and, for
/// csv/jsonl with gzip, a deflater, into a multipart upload.
final class ObjectUpload {
    let key: String
    private(set) var rows: Int64 = 0
    private let encoder: any ObjectEncoder
    private let deflater: GzipDeflater?
    private let writer: S3MultipartWriter

    init(client: S3Client, bucket: String, key: String, format: ObjectFormat, partSize: Int) async throws {
        self.key = key
        encoder = format.makeEncoder()
        deflater = format.gzip ? try GzipDeflater() : nil
        writer = try await S3MultipartWriter(client: client, bucket: bucket, key: key, contentType: format.contentType, partSize: partSize)
    }

    /// Bytes of the object so far (after compression; gzip holds a little back).
    var bytes: Int64 { writer.bytesWritten }

    /// Appends the rows of `batch`.
    func write(_ batch: RecordBatch, context: NodeContext) async throws {
        let (encoded, rows) = try await encoder.encode(batch, context: context)
        self.rows += Int64(rows)
        try await send(encoded)
    }

    /// Writes the object's last bytes and waits for its parts; the result is published on commit.
    func finish() async throws -> WrittenObject {
        try await send(try await encoder.finish())
        if let deflater { try await writer.write(try deflater.finish()) }
        return WrittenObject(upload: try await writer.finish(), rows: rows, bytes: writer.bytesWritten)
    }

    /// Discards the upload.
    func abort() async { await writer.abort() }

    private func send(_ bytes: [UInt8]) async throws {
        guard !bytes.isEmpty else { return }
        try await writer.write(deflater.map { try $0.compress(bytes) } ?? bytes)
    }
}

/// An object whose parts are all uploaded, waiting for the run's commit.
struct WrittenObject: Sendable {
    var upload: S3UploadedObject
    var rows: Int64
    var bytes: Int64
}
