import Logging
/// Streams one object to S3 as a multipart upload: bytes are cut into parts of ``partSize``
/// that upload in the background, at most ``concurrency`` at a time (so memory stays near
/// `partSize × (concurrency + 1)`). ``finish()`` uploads the last part and waits for all of
/// them; the object appears only when the returned ``S3UploadedObject`` is completed.
///
/// Used by one task at a time. On any failure call ``abort()``.
public final class S3MultipartWriter {
    /// Bytes in every part but the last (S3 wants at least 5 MiB).
    public let partSize: Int
    /// Parts uploading at the same time, at most.
    public let concurrency: Int
    /// The object being written.
    public let target: S3UploadedObject
    /// Bytes written so far, uploaded or not.
    public private(set) var bytesWritten: Int64 = 0
    private let client: S3Client
    private var buffer: [UInt8] = []
    private var inFlight: [Task<S3CompletedPart, any Error>] = []
    private var finishedParts: [S3CompletedPart] = []
    private var nextPartNumber = 1

    /// The smallest part S3 accepts (except for an upload's last part).
    public static let minimumPartSize = 5 << 20

    /// Starts the upload of `key` in `bucket`.
    public init(
        client: S3Client, bucket: String, key: String, contentType: String? = nil, partSize: Int = 8 << 20, concurrency: Int = 4
    ) async throws {
        precondition(partSize >= Self.minimumPartSize && concurrency >= 1, "parts of at least 5 MiB, at least one at a time")
        self.client = client
        self.partSize = partSize
        self.concurrency = concurrency
        let uploadID = try await client.createMultipartUpload(bucket: bucket, key: key, contentType: contentType)
        target = S3UploadedObject(bucket: bucket, key: key, uploadID: uploadID, parts: [])
        buffer.reserveCapacity(partSize)
    }

    /// Appends `bytes`; each full part starts uploading, waiting first while `concurrency` parts
    /// are still on their way.
    public func write(_ bytes: [UInt8]) async throws {
        bytesWritten += Int64(bytes.count)
        buffer.append(contentsOf: bytes)
        while buffer.count >= partSize {
            let part = Array(buffer[..<partSize])
            buffer.removeSubrange(..<partSize)
            try await startPart(part)
        }
    }

    /// Uploads what is left as the last part (an empty object has one empty part) and waits
    /// for every part. The result publishes the object with ``S3UploadedObject/complete(using:)``.
    public func finish() async throws -> S3UploadedObject {
        if !buffer.isEmpty || nextPartNumber == 1 {
            try await startPart(buffer)
            buffer = []
        }
        var object = target
        object.parts = try await completedParts()
        return object
    }

    /// Stops the parts on their way and discards the upload (best effort: an error here leaves
    /// an unfinished upload, which a bucket lifecycle rule removes; it is never visible).
    public func abort() async {
        for task in inFlight { task.cancel() }
        for task in inFlight { _ = try? await task.value }
        inFlight = []
        await target.abort(using: client)
    }

    private func startPart(_ body: [UInt8]) async throws {
        if inFlight.count >= concurrency { finishedParts.append(try await inFlight.removeFirst().value) }
        let (client, object, number) = (client, target, nextPartNumber)
        nextPartNumber += 1
        inFlight.append(Task {
            try await client.uploadPart(bucket: object.bucket, key: object.key, uploadID: object.uploadID, partNumber: number, body: body)
        })
    }

    private func completedParts() async throws -> [S3CompletedPart] {
        for task in inFlight { finishedParts.append(try await task.value) }
        inFlight = []
        return finishedParts
    }
}

/// A multipart upload whose parts are all uploaded: complete it to publish the object, or
/// abort it to discard it.
public struct S3UploadedObject: Sendable, Hashable {
    public var bucket: String
    public var key: String
    public var uploadID: String
    public var parts: [S3CompletedPart]

    /// Makes the object visible under its key.
    public func complete(using client: S3Client) async throws {
        try await client.completeMultipartUpload(bucket: bucket, key: key, uploadID: uploadID, parts: parts)
    }

    /// Discards the upload, ignoring failures (see ``S3MultipartWriter/abort()``).
    public func abort(using client: S3Client) async {
        do {
            try await client.abortMultipartUpload(bucket: bucket, key: key, uploadID: uploadID)
        } catch {
            client.logger.warning("Could not abort a multipart upload", metadata: ["key": "\(key)", "error": "\(error)"])
        }
    }
}
