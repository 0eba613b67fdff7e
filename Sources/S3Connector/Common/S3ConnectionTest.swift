import Pipelines
import S3Client

/// What testing an `s3` connection found.
public struct S3ConnectionTestResult: ConnectionCheckOutcome, Hashable {
    public var succeeded: Bool
    /// The HeadBucket round trip, in milliseconds (success only).
    public var latencyMilliseconds: Int?
    /// Why it failed (the service's error code and message, or what is missing).
    public var message: String?
}

/// Really asks the service: HeadBucket on the connection's `bucket` with its credentials, so a
/// wrong key, a wrong endpoint and a missing bucket each fail with the service's own words.
public enum S3ConnectionTest {
    public static func run(config: [String: JSONValue]) async -> S3ConnectionTestResult {
        guard let bucket = config["bucket"]?.stringValue, !bucket.isEmpty else {
            return S3ConnectionTestResult(
                succeeded: false, message: "set the connection's bucket to test it (the test checks that bucket with HeadBucket)")
        }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let client = S3Client(configuration: try S3Configuration(connection: config), retryPolicy: RetryPolicy(maxAttempts: 2))
            try await client.headBucket(bucket)
            return S3ConnectionTestResult(succeeded: true, latencyMilliseconds: (clock.now - start).wholeMilliseconds)
        } catch {
            return S3ConnectionTestResult(succeeded: false, message: "bucket \(bucket): \(error)")
        }
    }
}
