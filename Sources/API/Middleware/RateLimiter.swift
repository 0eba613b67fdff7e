import Synchronization

/// Counts requests per key in fixed one-minute windows aligned on the clock (so
/// `X-RateLimit-Reset` is the same instant for every client of a window).
final class RateLimiter: Sendable {
    /// The verdict for one request.
    struct Decision: Sendable, Equatable {
        /// Whether the request may proceed.
        var allowed: Bool
        /// The window's limit.
        var limit: Int
        /// Requests left in the window after this one.
        var remaining: Int
        /// Unix time (seconds) when the window ends.
        var resetAt: Int
    }

    private struct State {
        var windowStart = 0
        var counts: [String: Int] = [:]
    }

    /// Requests allowed per key and window, read on every request.
    let setting: RateLimitSetting
    private let windowSeconds: Int
    private let state = Mutex(State())

    /// A limiter allowing `setting.perMinute` requests per key and `windowSeconds`.
    init(setting: RateLimitSetting, windowSeconds: Int = 60) {
        self.setting = setting
        self.windowSeconds = windowSeconds
    }

    /// Whether requests are limited at all (a limit of 0 switches the limiter off).
    var isEnabled: Bool { setting.perMinute > 0 }

    /// Counts one request of `key` at Unix time `now` (seconds).
    func record(key: String, now: Int) -> Decision {
        let limit = setting.perMinute
        let windowStart = now - now % windowSeconds
        let count = state.withLock { state in
            if state.windowStart != windowStart {
                // A new window: every counter starts again, so the table never outgrows one window's clients.
                state.windowStart = windowStart
                state.counts.removeAll(keepingCapacity: true)
            }
            state.counts[key, default: 0] += 1
            return state.counts[key]!
        }
        return Decision(
            allowed: count <= limit, limit: limit, remaining: max(0, limit - count), resetAt: windowStart + windowSeconds)
    }
}
