import API
import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Store
import Testing

@Suite("Errors, rate limit, request ids, gzip, CORS")
struct MiddlewareTests {
    @Test("unknown routes are 404 NOT_FOUND, wrong methods 405 with Allow, both in the document's body")
    func notFoundAndMethodNotAllowed() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let missing = try await api.send(.get, "/api/v1/nothing-here", as: .viewer)
            #expect(missing.status == .notFound && missing.isError("NOT_FOUND"))
            let wrong = try await api.send(.patch, "/api/v1/pipelines", as: .viewer)
            #expect(wrong.status == .methodNotAllowed && wrong.isError("METHOD_NOT_ALLOWED"))
            #expect(wrong.headers[.allow] == "GET, POST")
            let anonymousMissing = try await api.send(.get, "/nowhere")
            #expect(anonymousMissing.status == .notFound && anonymousMissing.isError("NOT_FOUND"))
        }
    }

    @Test("every response carries a request id: the client's when sane, else a generated one")
    func requestIDs() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let given = try await api.send(.get, "/health", headers: [.requestID: "abc-123"])
            #expect(given.headers[.requestID] == "abc-123")
            let generated = try await api.send(.get, "/api/v1/pipelines", headers: [.requestID: "bad id\n"])
            #expect(generated.headers[.requestID].map { !$0.isEmpty && $0 != "bad id\n" } == true)
        }
    }

    @Test("rate limit: headers on every response, 429 with Retry-After, per user and per IP; health not counted")
    func rateLimit() async throws {
        let harness = try await APIHarness.make(settings: APISettings(rateLimitPerMinute: 3, gzipMinimumBytes: 0))
        try await harness.run { api in
            for expected in [2, 1, 0] {
                let response = try await api.send(.get, "/api/v1/pipelines", as: .viewer)
                #expect(response.status == .ok)
                #expect(response.headers[.init("X-RateLimit-Limit")!] == "3")
                #expect(response.headers[.init("X-RateLimit-Remaining")!] == String(expected))
                #expect(Int(response.headers[.init("X-RateLimit-Reset")!] ?? "") ?? 0 > Int(Date().timeIntervalSince1970) - 1)
            }
            let limited = try await api.send(.get, "/api/v1/pipelines", as: .viewer)
            #expect(limited.status == .tooManyRequests && limited.isError("RATE_LIMITED"))
            #expect((1...60).contains(Int(limited.headers[.retryAfter] ?? "") ?? 0))
            // Another user has their own budget; errors carry the headers too.
            let other = try await api.send(.get, "/api/v1/pipelines/\(UUID())", as: .developer)
            #expect(other.status == .notFound && other.headers[.init("X-RateLimit-Remaining")!] == "2")
            let anonymous = try await api.send(.get, "/api/v1/pipelines")
            #expect(anonymous.status == .unauthorized && anonymous.headers[.init("X-RateLimit-Limit")!] == "3")
            let health = try await api.send(.get, "/health")
            #expect(health.status == .ok && health.headers[.init("X-RateLimit-Limit")!] == nil)
        }
    }

    @Test("the rate limit changes while the server runs: lifted to 0, then raised")
    func liveRateLimit() async throws {
        let harness = try await APIHarness.make(settings: APISettings(rateLimitPerMinute: 1, gzipMinimumBytes: 0))
        try await harness.run { api in
            #expect(try await api.send(.get, "/api/v1/pipelines", as: .viewer).status == .ok)
            #expect(try await api.send(.get, "/api/v1/pipelines", as: .viewer).status == .tooManyRequests)
            harness.dependencies.rateLimit.perMinute = 0
            let unlimited = try await api.send(.get, "/api/v1/pipelines", as: .viewer)
            #expect(unlimited.status == .ok && unlimited.headers[.init("X-RateLimit-Limit")!] == nil)
            harness.dependencies.rateLimit.perMinute = 100
            let raised = try await api.send(.get, "/api/v1/pipelines", as: .viewer)
            #expect(raised.status == .ok && raised.headers[.init("X-RateLimit-Limit")!] == "100")
        }
    }

    @Test("large responses are gzip-compressed for clients that accept it")
    func gzip() async throws {
        let harness = try await APIHarness.make(settings: APISettings(rateLimitPerMinute: 0, gzipMinimumBytes: 1024))
        for index in 0..<20 { _ = try await harness.pipeline(name: "P\(index)") }
        try await harness.run { api in
            let plain = try await api.send(.get, "/api/v1/pipelines", as: .viewer)
            #expect(plain.headers[.contentEncoding] == nil)
            let zipped = try await api.send(.get, "/api/v1/pipelines", as: .viewer, headers: [.acceptEncoding: "gzip, deflate"])
            #expect(zipped.headers[.contentEncoding] == "gzip")
            var body = zipped.body
            #expect(body.readableBytes < plain.body.readableBytes)
            let inflated = try body.decompress(with: .gzip())
            #expect(inflated == plain.body)
            let refused = try await api.send(.get, "/api/v1/pipelines", as: .viewer, headers: [.acceptEncoding: "gzip;q=0"])
            #expect(refused.headers[.contentEncoding] == nil)
            let small = try await api.send(.get, "/health", headers: [.acceptEncoding: "gzip"])
            #expect(small.headers[.contentEncoding] == nil)
        }
    }

    @Test("CORS: preflight and response headers for configured origins only")
    func cors() async throws {
        let harness = try await APIHarness.make(
            settings: APISettings(rateLimitPerMinute: 0, corsAllowedOrigins: ["https://app.example.com"], gzipMinimumBytes: 0))
        try await harness.run { api in
            let preflight = try await api.send(
                .options, "/api/v1/pipelines",
                headers: [.origin: "https://app.example.com", .accessControlRequestMethod: "POST"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == "https://app.example.com")
            #expect(preflight.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
            let simple = try await api.send(.get, "/api/v1/pipelines", as: .viewer, headers: [.origin: "https://app.example.com"])
            #expect(simple.headers[.accessControlAllowOrigin] == "https://app.example.com")
            #expect(simple.headers[.accessControlExposeHeaders]?.contains("X-Total-Count") == true)
            let stranger = try await api.send(.get, "/api/v1/pipelines", as: .viewer, headers: [.origin: "https://evil.example"])
            #expect(stranger.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test("health probes are public")
    func health() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let health = try await api.send(.get, "/health")
            let ready = try await api.send(.get, "/health/ready")
            let live = try await api.send(.get, "/health/live")
            #expect(health.json["status"] as? String == "healthy" && ready.status == .ok && live.status == .ok)
        }
    }
}
