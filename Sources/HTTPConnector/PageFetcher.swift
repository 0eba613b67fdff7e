import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Pipelines

/// A page as the server sent it.
struct FetchedPage {
    var document: JSONValue
    var headers: HTTPHeaders
    var bytes: Int
}

/// Sends one page request until its answer is usable: throttling (429) and server errors (5xx)
/// and transport failures are retried per the ``RetryPolicy``; any other status fails at once
/// with the status and an excerpt of the body. Every URL and excerpt it shows is redacted.
struct PageFetcher {
    var client: HTTPClient
    var method: HTTPMethod
    var headers: HTTPHeaders
    var body: ByteBuffer?
    var timeout: TimeAmount
    var retry: RetryPolicy
    var redactor: SecretRedactor

    /// The largest page read; one page at a time is in memory.
    static let maxResponseBytes = 64 << 20
    /// Characters of an error body quoted in a message.
    static let excerptLength = 300

    /// The page at `url`.
    func fetch(_ url: URL, context: NodeContext) async throws -> FetchedPage {
        let shown = redactor.redact(RequestURLs.display(url))
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        request.headers = headers
        if let body { request.body = .bytes(body) }
        var retries = 0
        while true {
            let problem: String
            var requestedWait: Double?
            do {
                let response = try await client.execute(request, timeout: timeout)
                let status = response.status
                if (200..<300).contains(status.code) { return try await page(response, shown: shown) }
                let excerpt = await excerpt(of: response)
                guard RetryPolicy.isRetryable(status: Int(status.code)) else {
                    let target = response.headers.first(name: "Location").map { " (redirect to \(redactor.redact($0)), not followed)" } ?? ""
                    throw HTTPSourceError(.httpStatus, "\(method) \(shown) answered \(status.code) \(status.reasonPhrase)\(target)\(excerpt)")
                }
                problem = "\(status.code) \(status.reasonPhrase)\(excerpt)"
                requestedWait = response.headers.first(name: "Retry-After").flatMap { RetryPolicy.retryAfterSeconds($0, now: Date()) }
            } catch let error as HTTPSourceError {
                throw error
            } catch {
                try Task.checkCancellation()
                problem = redactor.redact(String(describing: error))
            }
            guard retries < retry.maxRetries else {
                throw HTTPSourceError(.retriesExhausted, "\(method) \(shown) failed after \(retries + 1) attempt(s); last error: \(problem)")
            }
            if let requestedWait, requestedWait > RetryPolicy.longestRetryAfter {
                throw HTTPSourceError(
                    .retryAfterTooLong,
                    "\(method) \(shown) answered \(problem) and asks to retry after \(Int(requestedWait)) s, longer than the \(Int(RetryPolicy.longestRetryAfter)) s this extractor waits")
            }
            retries += 1
            let delay = requestedWait ?? retry.backoffDelay(retry: retries)
            context.log(
                .warning, "\(method) \(shown): \(problem); retry \(retries) of \(retry.maxRetries) in \(String(format: "%.1f", delay)) s",
                metadata: ["retry": .integer(Int64(retries)), "delay_seconds": .double(delay)])
            try await Task.sleep(for: .milliseconds(Int64(delay * 1000)))
        }
    }

    /// The JSON of a successful response; an empty body is `null` (no records).
    private func page(_ response: HTTPClientResponse, shown: String) async throws -> FetchedPage {
        let buffer: ByteBuffer
        do {
            buffer = try await response.body.collect(upTo: Self.maxResponseBytes)
        } catch is NIOTooManyBytesError {
            throw HTTPSourceError(.badResponse, "\(method) \(shown): the response is larger than \(Self.maxResponseBytes >> 20) MiB; ask for smaller pages")
        }
        guard buffer.readableBytes > 0 else { return FetchedPage(document: .null, headers: response.headers, bytes: 0) }
        do {
            let document = try JSONDecoder().decode(JSONValue.self, from: buffer)
            return FetchedPage(document: document, headers: response.headers, bytes: buffer.readableBytes)
        } catch {
            let type = response.headers.first(name: "Content-Type").map { " (\($0))" } ?? ""
            throw HTTPSourceError(.badResponse, "\(method) \(shown): the response\(type) is not JSON\(excerpt(of: buffer))")
        }
    }

    /// `: <the start of the body>` of an error response, or nothing when it has none. Reads only
    /// the first few kilobytes.
    private func excerpt(of response: HTTPClientResponse) async -> String {
        var buffer = ByteBuffer()
        do {
            for try await chunk in response.body {
                buffer.writeImmutableBuffer(chunk)
                if buffer.readableBytes >= Self.excerptLength * 8 { break }
            }
        } catch {
            // What arrived before the failure is still worth quoting.
        }
        return excerpt(of: buffer)
    }

    private func excerpt(of buffer: ByteBuffer) -> String {
        let lines = String(buffer: buffer).split(whereSeparator: \.isNewline).joined(separator: " ")
        let text = redactor.redact(lines.trimmingCharacters(in: .whitespaces))
        guard !text.isEmpty else { return "" }
        return ": " + (text.count > Self.excerptLength ? text.prefix(Self.excerptLength) + "…" : text)
    }
}
