/// Where the service stands in the notification protocol of sd_notify(3), as the service
/// manager sees it.
public enum ServiceLifecycleState: Sendable, Equatable, CustomStringConvertible {
    /// Started, `READY=1` not sent yet.
    case starting
    /// `READY=1` sent.
    case ready
    /// `RELOADING=1` sent; `READY=1` ends the reload.
    case reloading
    /// `STOPPING=1` sent; nothing but `STATUS=` follows.
    case stopping

    public var description: String {
        switch self {
        case .starting: "starting"
        case .ready: "ready"
        case .reloading: "reloading"
        case .stopping: "stopping"
        }
    }
}

/// The transitions the notification protocol allows:
///
/// ```
/// starting ──READY──▶ ready ──RELOADING──▶ reloading ──READY──▶ ready
///     └──────────────────┴──────────STOPPING─────────────┴──────▶ stopping
/// ```
///
/// `STATUS=` and `WATCHDOG=1` are allowed in every state and do not move it.
struct NotifyStateMachine: Sendable {
    private(set) var state: ServiceLifecycleState = .starting

    /// Moves on `READY=1`; throws when the service is already ready or stopping.
    mutating func ready() throws(SystemdError) {
        switch state {
        case .starting, .reloading: state = .ready
        case .ready, .stopping: throw .invalidTransition(from: state, message: "READY=1")
        }
    }

    /// Moves on `RELOADING=1`; only a ready service reloads.
    mutating func reloading() throws(SystemdError) {
        switch state {
        case .ready: state = .reloading
        case .starting, .reloading, .stopping: throw .invalidTransition(from: state, message: "RELOADING=1")
        }
    }

    /// Moves on `STOPPING=1`, from any state but stopping.
    mutating func stopping() throws(SystemdError) {
        switch state {
        case .starting, .ready, .reloading: state = .stopping
        case .stopping: throw .invalidTransition(from: state, message: "STOPPING=1")
        }
    }
}
