import AsyncHTTPClient
import NIOHTTP1

extension S3Client {
    /// Starts a multipart upload of `key` and returns its upload id. Nothing is visible under
    /// `key` until ``completeMultipartUpload(bucket:key:uploadID:parts:)``.
    public func createMultipartUpload(bucket: String, key: String, contentType: String? = nil) async throws -> String {
        var request = S3Request(operation: "CreateMultipartUpload", method: .POST, bucket: try checked(bucket), key: key, query: [("uploads", "")])
        if let contentType { request.headers.append(("content-type", contentType)) }
        let body = try await send(request)
        guard let id = XMLElements(body).value("UploadId"), !id.isEmpty else {
            throw S3Error.invalidResponse(operation: "CreateMultipartUpload", detail: "no UploadId in the answer")
        }
        return id
    }

    /// Uploads part `partNumber` (1…10000; every part but the last ≥ 5 MiB) and returns its ETag.
    public func uploadPart(bucket: String, key: String, uploadID: String, partNumber: Int, body: [UInt8]) async throws -> S3CompletedPart {
        let request = S3Request(
            operation: "UploadPart", method: .PUT, bucket: try checked(bucket), key: key,
            query: [("partNumber", String(partNumber)), ("uploadId", uploadID)], body: body)
        let eTag = try await send(request) { response in
            _ = try await response.body.collect(upTo: 1 << 20)
            return response.headers.first(name: "etag")
        }
        guard let eTag else { throw S3Error.invalidResponse(operation: "UploadPart", detail: "no ETag for part \(partNumber)") }
        return S3CompletedPart(partNumber: partNumber, eTag: eTag)
    }

    /// Publishes the upload as one object made of `parts` (in part-number order).
    public func completeMultipartUpload(bucket: String, key: String, uploadID: String, parts: [S3CompletedPart]) async throws {
        let list = parts.sorted { $0.partNumber < $1.partNumber }.map {
            "<Part><PartNumber>\($0.partNumber)</PartNumber><ETag>\(XMLElements.escape($0.eTag))</ETag></Part>"
        }.joined()
        var request = S3Request(
            operation: "CompleteMultipartUpload", method: .POST, bucket: try checked(bucket), key: key, query: [("uploadId", uploadID)],
            body: Array("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\(list)</CompleteMultipartUpload>".utf8))
        request.headers.append(("content-type", "application/xml"))
        request.errorMayHide200 = true
        _ = try await send(request)
    }

    /// Discards the upload and its parts.
    public func abortMultipartUpload(bucket: String, key: String, uploadID: String) async throws {
        _ = try await send(S3Request(operation: "AbortMultipartUpload", method: .DELETE, bucket: try checked(bucket), key: key, query: [("uploadId", uploadID)]))
    }

    /// The multipart uploads in progress under `prefix` (first page: up to 1000).
    public func listMultipartUploads(bucket: String, prefix: String = "") async throws -> [S3PendingUpload] {
        var query = [("uploads", "")]
        if !prefix.isEmpty { query.append(("prefix", prefix)) }
        let body = try await send(S3Request(operation: "ListMultipartUploads", method: .GET, bucket: try checked(bucket), query: query))
        return XMLElements(body).blocks("Upload").compactMap { upload in
            guard let key = upload.value("Key"), let id = upload.value("UploadId") else { return nil }
            return S3PendingUpload(key: key, uploadID: id)
        }
    }
}

/// An uploaded part, as CompleteMultipartUpload names it.
public struct S3CompletedPart: Sendable, Hashable {
    public var partNumber: Int
    public var eTag: String

    public init(partNumber: Int, eTag: String) {
        self.partNumber = partNumber
        self.eTag = eTag
    }
}

/// A multipart upload started and neither completed nor aborted.
public struct S3PendingUpload: Sendable, Hashable {
    public var key: String
    public var uploadID: String
}
