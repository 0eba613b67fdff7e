import Synchronization

/// The requests-per-minute limit the API applies, read on every request so a configuration
/// reload (SIGHUP) changes it while the server runs. 0 switches rate limiting off.
public final class RateLimitSetting: Sendable {
    private let value: Atomic<Int>

    /// A limit of `perMinute` requests per user (per client IP when anonymous) and minute.
    public init(perMinute: Int) {
        value = Atomic(max(0, perMinute))
    }

    /// Requests per minute; 0 for no limit.
    public var perMinute: Int {
        get { value.load(ordering: .relaxed) }
        set { value.store(max(0, newValue), ordering: .relaxed) }
    }
}
