/// Retries of failed attempts: at most `maxRetries` after the first attempt, the `n`-th retry
/// waiting `backoff × 2^(n-1)` (capped at `maximumBackoff`) plus up to a quarter more at random,
/// so retries of many pipelines failing together (a database restart) do not return together.
struct RetryRule: Sendable, Hashable {
    var maxRetries: Int
    var backoff: Duration
    var maximumBackoff: Duration

    /// Whether an attempt that failed (1 = the first run) gets another.
    func retries(afterAttempt attempt: Int) -> Bool { attempt <= maxRetries }

    /// The wait before the attempt after `attempt`; `random` is uniform in `0..<1`.
    func delay(afterAttempt attempt: Int, random: Double) -> Duration {
        let doublings = min(max(attempt - 1, 0), 30)
        let base = min(backoff * (1 << doublings), maximumBackoff)
        return base + base * (random / 4)
    }
}
