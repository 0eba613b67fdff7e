import Synchronization

/// Tells the service manager where the daemon stands: the sd_notify(3) protocol of a
/// `Type=notify` unit, kept in order by ``ServiceLifecycleState``.
///
/// Every method returns a ``NotifyOutcome`` instead of throwing: a lost notification must never
/// stop the daemon, and callers log what they care about. Without `$NOTIFY_SOCKET` (not run by
/// systemd) every call is a no-op that returns ``NotifyOutcome/notConfigured``, yet the lifecycle
/// is still tracked.
///
/// Messages are sent under a lock, so two tasks can never make the manager see them out of order.
public final class SystemdNotifier: Sendable {
    private let transport: any NotifyTransport
    private let machine = Mutex(NotifyStateMachine())

    /// The watchdog systemd armed, nil when none: ping with ``watchdogPing()`` every
    /// ``WatchdogConfiguration/pingInterval``.
    public let watchdog: WatchdogConfiguration?

    /// A notifier over `transport`; `watchdog` as read by ``WatchdogConfiguration/fromEnvironment()``.
    public init(transport: any NotifyTransport = LibsystemdNotifyTransport(), watchdog: WatchdogConfiguration?) {
        self.transport = transport
        self.watchdog = watchdog
    }

    /// A notifier for this process as systemd started it; a malformed watchdog setting is thrown.
    public static func fromEnvironment() throws(SystemdError) -> SystemdNotifier {
        SystemdNotifier(watchdog: try WatchdogConfiguration.fromEnvironment())
    }

    /// Whether a service manager listens.
    public var isConfigured: Bool { transport.isConfigured }

    /// The current lifecycle state.
    public var state: ServiceLifecycleState { machine.withLock { $0.state } }

    /// `READY=1` (with `STATUS=`): start-up or a reload finished.
    @discardableResult
    public func ready(status: String? = nil) -> NotifyOutcome {
        transition(NotifyMessage.ready.adding(status: status)) { machine throws(SystemdError) in try machine.ready() }
    }

    /// `RELOADING=1` and `MONOTONIC_USEC=` (with `STATUS=`): a configuration reload began; end it with ``ready(status:)``.
    @discardableResult
    public func reloading(status: String? = nil) -> NotifyOutcome {
        let message = NotifyMessage.reloading(monotonicMicroseconds: MonotonicClock.microseconds()).adding(status: status)
        return transition(message) { machine throws(SystemdError) in try machine.reloading() }
    }

    /// `STOPPING=1` (with `STATUS=`): graceful shutdown began.
    @discardableResult
    public func stopping(status: String? = nil) -> NotifyOutcome {
        transition(NotifyMessage.stopping.adding(status: status)) { machine throws(SystemdError) in try machine.stopping() }
    }

    /// `STATUS=`: one line shown by `systemctl status`; newlines become spaces.
    @discardableResult
    public func status(_ text: String) -> NotifyOutcome {
        transition(NotifyMessage().adding(status: text)) { _ throws(SystemdError) in }
    }

    /// `WATCHDOG=1`: the keep-alive ping. Call it from the loop whose liveness it proves.
    @discardableResult
    public func watchdogPing() -> NotifyOutcome {
        transition(.watchdog) { _ throws(SystemdError) in }
    }

    private func transition(
        _ message: NotifyMessage, _ move: (inout NotifyStateMachine) throws(SystemdError) -> Void
    ) -> NotifyOutcome {
        machine.withLock { machine in
            do throws(SystemdError) {
                try move(&machine)
            } catch {
                return .skipped(error)
            }
            guard transport.isConfigured else { return .notConfigured }
            do throws(SystemdError) {
                try transport.send(message)
                return .sent
            } catch {
                return .failed(error)
            }
        }
    }
}

/// What became of one notification.
public enum NotifyOutcome: Sendable, Equatable {
    /// Delivered to the service manager.
    case sent
    /// No service manager listens; the lifecycle state moved all the same.
    case notConfigured
    /// Not sent: the message was out of order.
    case skipped(SystemdError)
    /// The lifecycle state moved but delivery failed.
    case failed(SystemdError)
}
