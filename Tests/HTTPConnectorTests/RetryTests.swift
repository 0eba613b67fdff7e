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
        #expect(message.contains("/broken failed after 3 attempt(s); last answer: 500 Internal Server Error"))
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
}
