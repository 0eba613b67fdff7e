import HTTPTypes
import CompressNIO
import Hummingbird
import NIOCore

/// gzip-compresses responses of at least `minimumBytes` with a textual content type
/// (JSON, HTML, JavaScript, CSS) for clients whose `Accept-Encoding` allows gzip.
struct CompressionMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let minimumBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard Self.acceptsGzip(request.headers[values: .acceptEncoding]),
            response.headers[.contentEncoding] == nil,
            let length = response.body.contentLength, length >= minimumBytes,
            let contentType = response.headers[.contentType], Self.isCompressible(contentType)
        else { return response }
        let collector = BodyCollector(capacity: length)
        try await response.body.write(collector)
        var plain = collector.buffer
        let compressed = try plain.compress(with: .gzip())
        response.body = ResponseBody(byteBuffer: compressed)
        response.headers[.contentEncoding] = "gzip"
        response.headers[.vary] = "Accept-Encoding"
        return response
    }

    /// Whether the `Accept-Encoding` values allow gzip (present, and not with `q=0`).
    static func acceptsGzip(_ values: [String]) -> Bool {
        for value in values {
            for coding in value.split(separator: ",") {
                let parts = coding.split(separator: ";").map { $0.filter { !$0.isWhitespace } }
                guard let name = parts.first, name == "gzip" || name == "*" else { continue }
                return !parts.dropFirst().contains { $0 == "q=0" || $0 == "q=0.0" || $0 == "q=0.000" }
            }
        }
        return false
    }

    private static func isCompressible(_ contentType: String) -> Bool {
        contentType.hasPrefix("application/json") || contentType.hasPrefix("text/")
            || contentType.hasPrefix("application/javascript")
    }
}

/// Gathers a response body into one buffer. It lives within one request's task.
private final class BodyCollector: ResponseBodyWriter {
    var buffer: ByteBuffer

    init(capacity: Int) { buffer = ByteBuffer(); buffer.reserveCapacity(capacity) }

    func write(_ part: ByteBuffer) async throws { buffer.writeImmutableBuffer(part) }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
