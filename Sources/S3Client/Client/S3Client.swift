import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1

/// A small S3 client: Signature V4 header authentication, path-style or virtual-host
/// addressing, retries with backoff on server errors and throttling. The operations live in
/// extensions (`S3Client+Objects`, `+Listing`, `+Multipart`).
///
/// ```swift
/// let s3 = S3Client(configuration: S3Configuration(credentials: keys, region: "us-east-1"))
/// try await s3.putObject(bucket: "data-lake", key: "a.csv", body: Array("id\n1\n".utf8))
/// ```
public struct S3Client: Sendable {
    public let configuration: S3Configuration
    public let retryPolicy: RetryPolicy
    let http: HTTPClient
    let logger: Logger

    /// A client over `httpClient` (by default the process-wide shared one).
    public init(
        configuration: S3Configuration, retryPolicy: RetryPolicy = RetryPolicy(), httpClient: HTTPClient = .shared,
        logger: Logger = Logger(label: "etl-builder.s3")
    ) {
        self.configuration = configuration
        self.retryPolicy = retryPolicy
        http = httpClient
        self.logger = logger
    }

    /// Sends `request`, trying again after a backoff while the failure is retryable, and hands
    /// the successful response to `accept` (which may read the body; a failure there is retried
    /// too).
    func send<Result: Sendable>(
        _ request: S3Request, accept: (HTTPClientResponse) async throws -> Result
    ) async throws -> Result {
        var attempt = 1
        while true {
            do {
                return try await sendOnce(request, accept: accept)
            } catch let error as S3Error where attempt < retryPolicy.maxAttempts && retryPolicy.isRetryable(error) {
                let wait = retryPolicy.delay(beforeRetry: attempt, random: Double.random(in: 0...1))
                logger.warning("S3 call failed, retrying", metadata: ["error": "\(error)", "attempt": "\(attempt)", "wait": "\(wait)"])
                try await Task.sleep(for: wait)
                attempt += 1
            }
        }
    }

    /// Sends `request` and returns the whole body of a successful answer.
    func send(_ request: S3Request) async throws -> String {
        try await send(request) { response in
            let body = String(buffer: try await response.body.collect(upTo: 64 << 20))
            if request.errorMayHide200, body.contains("<Error>") {
                throw S3Error.service(status: Int(response.status.code), body: body, operation: request.operation, resource: request.resource)
            }
            return body
        }
    }

    private func sendOnce<Result>(_ request: S3Request, accept: (HTTPClientResponse) async throws -> Result) async throws -> Result {
        let (host, path) = request.target(configuration)
        let signer = SignatureV4(credentials: configuration.credentials, region: configuration.region)
        var headers = request.headers
        headers.append(("host", configuration.endpoint.hostHeader(host)))
        let signed = signer.sign(
            method: request.method.rawValue, path: path, query: request.query, headers: headers,
            payloadHash: request.body.isEmpty ? SignatureV4.emptyPayloadHash : SignatureV4.payloadHash(request.body), date: .now())
        let query = request.query.map { URIEncoding.encode($0.0) + "=" + URIEncoding.encode($0.1) }.joined(separator: "&")
        var http = HTTPClientRequest(url: configuration.endpoint.baseURL(host) + URIEncoding.encode(path, keepSlash: true) + (query.isEmpty ? "" : "?" + query))
        http.method = request.method
        for (name, value) in signed { http.headers.add(name: name, value: value) }
        if !request.body.isEmpty || request.method == .PUT || request.method == .POST {
            http.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let response: HTTPClientResponse
        do {
            response = try await self.http.execute(http, timeout: .init(request.timeout))
        } catch let error as CancellationError {
            throw error
        } catch {
            throw S3Error.transport(operation: request.operation, resource: request.resource, detail: "\(error)")
        }
        guard (200..<300).contains(response.status.code) else {
            let body = (try? await response.body.collect(upTo: 1 << 20)).map { String(buffer: $0) } ?? ""
            throw S3Error.service(status: Int(response.status.code), body: body, operation: request.operation, resource: request.resource)
        }
        do {
            return try await accept(response)
        } catch let error as S3Error {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            throw S3Error.transport(operation: request.operation, resource: request.resource, detail: "\(error)")
        }
    }
}

extension TimeAmount {
    /// The same length of time as `duration`.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
