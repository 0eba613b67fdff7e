import Pipelines
import Testing

/// Throttling and server errors are retried, honouring Retry-After; other client errors fail
/// at once; each failure names the request, its status and the body.
@Suite struct RetryTests {
    @Test func tooManyRequestsWaitsForRetryAfterThenSucceeds() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let result = try await api.serve { base in try await workspace.extract(["url": .string(base + "/throttled")]) }
        #expect(try HTTPWorkspace.records(result.output) == [["id": 1]])
        #expect(api.requests == ["GET /throttled", "GET /throttled"])
        #expect(result.logs.contains { $0.contains("429 Too Many Requests") && $0.contains("retry 1 of 5 in 1.0 s") })
    }

    @Test func serviceUnavailableHonoursAnHTTPDateRetryAfter() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let result = try await api.serve { base in try await workspace.extract(["url": .string(base + "/unavailable")]) }
        #expect(try HTTPWorkspace.records(result.output) == [["id": 2]])
        #expect(api.requests.count == 2)
        #expect(result.logs.contains { $0.contains("503 Service Unavailable") && $0.contains("retry 1 of 5") })
    }

    @Test func serverErrorsFailClearlyOnceRetriesRunOut() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let failure = await #expect(throws: RunFailure.self) {
            try await api.serve { base in
                try await workspace.extract(["url": .string(base + "/broken"), "max_retries": 2, "retry_backoff_seconds": 0.01])
            }
        }
        let message = try #require(failure?.message)
        #expect(message.contains("/broken failed after 3 attempt(s); last error: 500 Internal Server Error"))
        #expect(message.contains("database on fire"))
        #expect(api.requests.count == 3)
    }

    @Test func notFoundFailsAtOnce() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let failure = await #expect(throws: RunFailure.self) {
            try await api.serve { base in try await workspace.extract(["url": .string(base + "/missing?verbose=1")]) }
        }
        let message = try #require(failure?.message)
        #expect(message.contains("GET http://127.0.0.1:"))
        #expect(message.contains("/missing?verbose=1 answered 404 Not Found: {\"error\":\"no such resource\"}"))
        #expect(api.requests.count == 1)
    }

    @Test func aRetryAfterBeyondTheLongestWaitFailsAtOnce() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let failure = await #expect(throws: RunFailure.self) {
            try await api.serve { base in try await workspace.extract(["url": .string(base + "/closed")]) }
        }
        #expect(failure?.message.contains("asks to retry after 86400 s, longer than the 600 s this extractor waits") == true)
        #expect(api.requests.count == 1)
    }

    @Test func transportFailuresAreRetriedThenNamed() async throws {
        let workspace = try HTTPWorkspace()
        let closedPort = try await TestAPI().serve { base in base }
        let failure = await #expect(throws: RunFailure.self) {
            try await workspace.extract([
                "url": .string(closedPort + "/gone"), "max_retries": 1, "retry_backoff_seconds": 0.01, "timeout_seconds": 0.5,
            ])
        }
        #expect(failure?.message.contains("/gone failed after 2 attempt(s); last error: ") == true)
        #expect(failure?.logs.contains { $0.contains("retry 1 of 1") } == true, "\(failure?.message ?? "")")
    }

    @Test func aResponseThatIsNotJSONFailsWithItsStart() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let failure = await #expect(throws: RunFailure.self) {
            try await api.serve { base in try await workspace.extract(["url": .string(base + "/html")]) }
        }
        #expect(failure?.message.contains("/html: the response (text/html) is not JSON: <html>login</html>") == true)
    }
}
