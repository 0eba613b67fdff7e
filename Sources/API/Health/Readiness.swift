import Synchronization

/// Whether the daemon can serve requests that need the store. `GET /health/ready` answers 503
/// until ``markReady()`` and again after ``markNotReady(reason:)``.
public final class Readiness: Sendable {
    // A Mutex around a small value: read on every probe, written a few times per process life.
    private let state = Mutex<String?>("starting")

    /// Not ready ("starting").
    public init() {}

    /// Nil when ready, else why not.
    public var notReadyReason: String? { state.withLock { $0 } }

    /// The daemon serves requests.
    public func markReady() { state.withLock { $0 = nil } }

    /// The daemon cannot serve requests, because of `reason`.
    public func markNotReady(reason: String) { state.withLock { $0 = reason } }
}
