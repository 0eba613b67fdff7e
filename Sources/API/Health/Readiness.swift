import Synchronization

/// Whether the daemon can serve requests that need the store. `GET /health/ready` answers 503
/// until ``markReady()`` and again after ``markNotReady(reason:)``.
public final class Readiness: Sendable {
    // A Mutex around a small value: read on every probe, written a few times per process life.
    private let state = Mutex<String?>("starting")

    public init() {}

    /// Nil when ready, else why not.
    public var notReadyReason: String? { state.withLock { $0 } }

    public func markReady() { state.withLock { $0 = nil } }

    public func markNotReady(reason: String) { state.withLock { $0 = reason } }
}
