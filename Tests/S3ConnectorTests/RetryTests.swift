import Foundation
import S3Client
import Testing

/// Retries: the policy's decisions, and a real client going through a proxy that answers 503
/// SlowDown before passing requests on to the test server.
@Suite struct RetryTests {
    let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .milliseconds(250))

    @Test func serverErrorsThrottlingAndTransportFailuresAreRetried() {
        #expect(policy.isRetryable(.service(status: 503, code: "SlowDown", message: nil, operation: "PutObject", resource: "b/k")))
        #expect(policy.isRetryable(.service(status: 500, code: nil, message: nil, operation: "PutObject", resource: "b/k")))
        #expect(policy.isRetryable(.service(status: 429, code: nil, message: nil, operation: "PutObject", resource: "b/k")))
        #expect(policy.isRetryable(.service(status: 400, code: "Throttling", message: nil, operation: "PutObject", resource: "b/k")))
        #expect(policy.isRetryable(.service(status: 200, code: "InternalError", message: nil, operation: "CompleteMultipartUpload", resource: "b/k")))
        #expect(policy.isRetryable(.transport(operation: "GetObject", resource: "b/k", detail: "connection reset")))
        #expect(!policy.isRetryable(.service(status: 403, code: "AccessDenied", message: nil, operation: "PutObject", resource: "b/k")))
        #expect(!policy.isRetryable(.service(status: 404, code: "NoSuchKey", message: nil, operation: "GetObject", resource: "b/k")))
    }

    @Test func backoffGrowsExponentiallyUnderACapWithFullJitter() {
        #expect(policy.delay(beforeRetry: 1, random: 1) == .milliseconds(100))
        #expect(policy.delay(beforeRetry: 2, random: 1) == .milliseconds(200))
        #expect(policy.delay(beforeRetry: 3, random: 1) == .milliseconds(250))
        #expect(policy.delay(beforeRetry: 2, random: 0.5) == .milliseconds(100))
        #expect(policy.delay(beforeRetry: 9, random: 0) == .zero)
    }

    @Test func aSlowDownAnswerIsRetriedAndTheCallSucceeds() async throws {
        let s3 = try await S3Workspace()
        let proxy = try await FlakyProxy.start(upstreamPort: try #require(URL(string: s3.url)?.port), failures: 2)
        defer { proxy.stop() }
        let client = try testClient(url: "http://127.0.0.1:\(proxy.port)", retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(5)))
        try await client.putObject(bucket: s3.bucket, key: "retried.txt", body: Array("ok".utf8))
        #expect(proxy.failuresSent == 2)
        #expect(try await s3.text("retried.txt") == "ok")
    }

    @Test func retriesStopAfterMaxAttemptsWithTheLastError() async throws {
        let s3 = try await S3Workspace()
        let proxy = try await FlakyProxy.start(upstreamPort: try #require(URL(string: s3.url)?.port), failures: 10)
        defer { proxy.stop() }
        let client = try testClient(url: "http://127.0.0.1:\(proxy.port)", retryPolicy: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(5)))
        await #expect(throws: S3Error.service(status: 503, code: "SlowDown", message: "Please reduce your request rate.", operation: "PutObject", resource: "\(s3.bucket)/never.txt")) {
            try await client.putObject(bucket: s3.bucket, key: "never.txt", body: [1])
        }
        #expect(proxy.failuresSent == 2)
    }
}
