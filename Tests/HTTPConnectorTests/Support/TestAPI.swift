import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Pipelines
import Synchronization

/// A REST API on a loopback port that the tests start: paged JSON in every pagination style,
/// endpoints that check credentials, throttle, fail or are missing. One per test, so its
/// counters and request log belong to that test.
final class TestAPI: Sendable {
    /// The bearer token, basic credentials and API key the secure endpoints accept.
    static let token = "s3cret-token"
    static let username = "alice"
    static let password = "pa55word"
    static let apiKey = "k3y-123"

    /// Five records with nested objects and arrays.
    static let people: [JSONValue] = (1...5).map { index in
        [
            "id": .integer(Int64(index)), "name": .string("p\(index)"),
            "address": ["city": .string("c\(index)"), "geo": ["lat": .double(Double(index) + 0.5)]],
            "tags": [.string("t\(index)"), "x"],
        ]
    }

    private let seen = Mutex<[String]>([])
    private let calls = Mutex<[String: Int]>([:])

    /// Every request so far as `METHOD /path?query`, in arrival order.
    var requests: [String] { seen.withLock { $0 } }

    /// Runs `body` with the server's base URL (`http://127.0.0.1:<port>`), then stops the server.
    func serve<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "test-api")
        // Stopping the server by cancellation, as every test does, is logged as an error.
        logger.logLevel = .critical
        let app = Application(
            router: router(), configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            }, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw TestAPIError("the test server did not start") }
            do {
                let result = try await body("http://127.0.0.1:\(port)")
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    private func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.middlewares.add(RecordingMiddleware(api: self))
        router.get("page") { request, _ in
            let page = Self.int(request, "page") ?? 1
            let size = Self.int(request, "per_page") ?? 2
            return Self.json(.array(Self.slice(from: (page - 1) * size, count: size)))
        }
        router.get("offset") { request, _ in
            let items = Self.slice(from: Self.int(request, "offset") ?? 0, count: Self.int(request, "limit") ?? 2)
            return Self.json(["data": ["items": .array(items)], "total": .integer(Int64(Self.people.count))])
        }
        router.get("cursor") { request, _ in
            let start = request.uri.queryParameters["cursor"].flatMap { Int($0.dropFirst()) } ?? 0
            let next: JSONValue = start + 2 < Self.people.count ? .string("c\(start + 2)") : .null
            return Self.json(["items": .array(Self.slice(from: start, count: 2)), "meta": ["next": next]])
        }
        router.get("link") { request, _ in
            let page = Self.int(request, "page") ?? 1
            var headers = HTTPFields()
            if page * 2 < Self.people.count { headers[HTTPField.Name("Link")!] = "</link?page=\(page + 1)>; rel=\"next\", </link?page=3>; rel=\"last\"" }
            return Self.json(.array(Self.slice(from: (page - 1) * 2, count: 2)), headers: headers)
        }
        router.get("search") { request, _ in
            Self.json([["q": .string(String(request.uri.queryParameters["q"] ?? "")), "limit": .string(String(request.uri.queryParameters["limit"] ?? ""))]])
        }
        router.post("search") { request, _ in
            let body = try await request.body.collect(upTo: 1 << 20)
            let echoed = try JSONValue(parsing: String(buffer: body))
            return Self.json([["echo": echoed, "content_type": .string(request.headers[.contentType] ?? "")]])
        }
        router.get("secure/bearer") { request, _ in
            Self.guarded(request.headers[.authorization] == "Bearer \(Self.token)", request.headers[.authorization])
        }
        router.get("secure/basic") { request, _ in
            let expected = "Basic " + Data("\(Self.username):\(Self.password)".utf8).base64EncodedString()
            return Self.guarded(request.headers[.authorization] == expected, request.headers[.authorization])
        }
        router.get("secure/key") { request, _ in
            let key = request.headers[HTTPField.Name("X-Api-Key")!]
            return Self.guarded(key == Self.apiKey, key)
        }
        router.get("throttled") { _, _ in
            guard self.count("throttled") > 1 else {
                return Self.json(["error": "slow down"], status: .tooManyRequests, headers: [.retryAfter: "1"])
            }
            return Self.json([["id": 1]])
        }
        router.get("unavailable") { _, _ in
            guard self.count("unavailable") > 1 else {
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "GMT")
                formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
                return Self.json(["error": "maintenance"], status: .serviceUnavailable, headers: [.retryAfter: formatter.string(from: Date())])
            }
            return Self.json([["id": 2]])
        }
        router.get("moved/:to") { _, context in
            Response(status: .found, headers: [.location: "/secure/\(context.parameters.get("to") ?? "")"])
        }
        router.get("closed") { _, _ in Self.json(["error": "back tomorrow"], status: .serviceUnavailable, headers: [.retryAfter: "86400"]) }
        router.get("html") { _, _ in Response(status: .ok, headers: [.contentType: "text/html"], body: ResponseBody(byteBuffer: ByteBuffer(string: "<html>login</html>"))) }
        router.get("broken") { _, _ in Self.json(["error": "database on fire"], status: .internalServerError) }
        router.get("missing") { _, _ in Self.json(["error": "no such resource"], status: .notFound) }
        router.get("same") { _, _ in Self.json([["id": 1]]) }
        return router
    }

    /// How many times `endpoint` has been called, this call included.
    private func count(_ endpoint: String) -> Int {
        calls.withLock { calls in
            calls[endpoint, default: 0] += 1
            return calls[endpoint]!
        }
    }

    fileprivate func record(_ request: Request) {
        seen.withLock { $0.append("\(request.method) \(request.uri)") }
    }

    /// 200 with one record when `allowed`; else 401 with a body that echoes what was sent, as
    /// careless servers do (the extractor must hide it).
    private static func guarded(_ allowed: Bool, _ sent: String?) -> Response {
        allowed ? json([["ok": true]]) : json(["error": .string("rejected credentials \(sent ?? "none")")], status: .unauthorized)
    }

    private static func slice(from start: Int, count: Int) -> [JSONValue] {
        guard start < people.count else { return [] }
        return Array(people[max(0, start)..<min(people.count, start + count)])
    }

    private static func int(_ request: Request, _ name: String) -> Int? { request.uri.queryParameters[Substring(name)].flatMap { Int($0) } }

    private static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: value.canonicalText)))
    }
}

/// Logs every request into the ``TestAPI``'s request list.
private struct RecordingMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let api: TestAPI

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        api.record(request)
        return try await next(request, context)
    }
}

struct TestAPIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
