/// When and how long to wait before trying an S3 call again: exponential backoff with full
/// jitter (a random wait between zero and `base · 2^attempt`, capped), for server errors (5xx),
/// 429, throttling codes and transport failures.
public struct RetryPolicy: Sendable, Hashable {
    /// Tries in all, the first included.
    public var maxAttempts: Int
    /// The backoff ceiling of the first retry.
    public var baseDelay: Duration
    /// The largest backoff ceiling.
    public var maxDelay: Duration

    public init(maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(10)) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The S3 error codes that mean "slow down", whatever the status.
    static let throttlingCodes: Set<String> = [
        "SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException", "RequestTimeout",
        "InternalError", "ServiceUnavailable",
    ]

    /// Whether `error` is worth another try.
    public func isRetryable(_ error: S3Error) -> Bool {
        switch error {
        case .service(let status, let code, _, _, _):
            return status >= 500 || status == 429 || code.map(Self.throttlingCodes.contains) == true
        case .transport: return true
        case .invalidResponse, .invalidRequest: return false
        }
    }

    /// The wait before retry number `retry` (1 for the first retry), with `random` in 0…1.
    public func delay(beforeRetry retry: Int, random: Double) -> Duration {
        let ceiling = min(maxDelay, baseDelay * (1 << min(max(retry - 1, 0), 30)))
        return ceiling * random
    }
}
