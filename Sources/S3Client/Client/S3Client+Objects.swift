import AsyncHTTPClient
import NIOCore
import NIOHTTP1

extension S3Client {
    /// Succeeds when the bucket exists and the credentials may use it (the connection test).
    public func headBucket(_ bucket: String) async throws {
        _ = try await send(S3Request(operation: "HeadBucket", method: .HEAD, bucket: try checked(bucket), timeout: .seconds(30)))
    }

    /// Creates `bucket` (in the configured region).
    public func createBucket(_ bucket: String) async throws {
        var request = S3Request(operation: "CreateBucket", method: .PUT, bucket: try checked(bucket))
        if configuration.region != "us-east-1" {
            request.body = Array(
                "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>\(configuration.region)</LocationConstraint></CreateBucketConfiguration>".utf8)
        }
        _ = try await send(request)
    }

    /// Stores `body` as `key` in one request (for small objects; see ``createMultipartUpload(bucket:key:contentType:)``).
    public func putObject(bucket: String, key: String, body: [UInt8], contentType: String? = nil) async throws {
        var request = S3Request(operation: "PutObject", method: .PUT, bucket: try checked(bucket), key: key, body: body)
        if let contentType { request.headers.append(("content-type", contentType)) }
        _ = try await send(request)
    }

    /// Removes `key` (no error when it does not exist).
    public func deleteObject(bucket: String, key: String) async throws {
        _ = try await send(S3Request(operation: "DeleteObject", method: .DELETE, bucket: try checked(bucket), key: key))
    }

    /// Starts reading `key`: the answer's body streams as it arrives. Only getting the answer is
    /// retried; a failure while reading the body is the reader's.
    public func getObject(bucket: String, key: String) async throws -> S3ObjectBody {
        let request = S3Request(operation: "GetObject", method: .GET, bucket: try checked(bucket), key: key, timeout: .seconds(6 * 3600))
        return try await send(request) { response in
            S3ObjectBody(
                contentLength: response.headers.first(name: "content-length").flatMap { Int64($0) }, body: response.body)
        }
    }

    /// `bucket`, refused when empty.
    func checked(_ bucket: String) throws -> String {
        guard !bucket.isEmpty else { throw S3Error.invalidRequest("the bucket name is empty") }
        return bucket
    }
}

/// The streaming body of a GetObject answer: chunks of bytes as they arrive.
public struct S3ObjectBody: AsyncSequence, Sendable {
    public typealias Element = [UInt8]
    /// The object's size when the server said it.
    public let contentLength: Int64?
    let body: HTTPClientResponse.Body

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(inner: body.makeAsyncIterator()) }

    /// The whole object (up to `limit` bytes).
    public func collect(upTo limit: Int) async throws -> [UInt8] { Array(buffer: try await body.collect(upTo: limit)) }

    /// Yields the body's chunks.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var inner: HTTPClientResponse.Body.AsyncIterator

        /// The next chunk, or nil at the end of the object.
        public mutating func next() async throws -> [UInt8]? { try await inner.next().map { Array(buffer: $0) } }
    }
}
