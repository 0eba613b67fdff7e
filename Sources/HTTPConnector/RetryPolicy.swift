import Foundation

/// When and how long to wait before repeating a request (`max_retries`, `retry_backoff_seconds`).
///
/// Throttling (429) and server errors (5xx) are retried, honouring `Retry-After` in seconds or
/// as an HTTP date; without it the wait doubles from `backoff` on each attempt, with jitter
/// (between half and all of the doubled value) so that parallel runs do not retry in step.
struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt.
    var maxRetries: Int
    /// Seconds of the first backoff wait.
    var backoff: Double

    /// The longest backoff wait, in seconds.
    static let longestBackoff: Double = 60
    /// The longest `Retry-After` honoured, in seconds; a server asking for more fails the node.
    static let longestRetryAfter: Double = 600

    /// Whether an answer with `status` is worth repeating.
    static func isRetryable(status: Int) -> Bool { status == 429 || (500...599).contains(status) }

    /// Seconds to wait before retry number `retry` (1 for the first) without `Retry-After`.
    func backoffDelay(retry: Int) -> Double {
        let doubled = min(Self.longestBackoff, backoff * pow(2, Double(max(0, retry - 1))))
        return doubled * Double.random(in: 0.5...1)
    }

    /// The seconds a `Retry-After` value asks for: a number of seconds, or an HTTP date (then the
    /// time from `now` until it, at least 0). Nil when the value is neither.
    static func retryAfterSeconds(_ value: String, now: Date) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(text), seconds >= 0, seconds.isFinite { return seconds }
        return httpDateFormats.lazy.compactMap { format in Self.formatter(format).date(from: text) }.first
            .map { max(0, $0.timeIntervalSince(now)) }
    }

    /// IMF-fixdate and the two obsolete forms RFC 9110 still asks recipients to accept.
    private static let httpDateFormats = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"]

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = format
        return formatter
    }
}
