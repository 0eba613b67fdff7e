import CSystemd
import Glibc

/// Delivers notification datagrams to the service manager.
public protocol NotifyTransport: Sendable {
    /// Whether a service manager listens (`$NOTIFY_SOCKET` is set).
    var isConfigured: Bool { get }
    /// Sends one datagram of newline-separated assignments.
    func send(_ message: NotifyMessage) throws(SystemdError)
}

/// The transport of libsystemd: `sd_notify(3)` to the socket named by `$NOTIFY_SOCKET` (a path,
/// or an abstract socket when it starts with `@`); nothing happens when the variable is unset.
public struct LibsystemdNotifyTransport: NotifyTransport {
    public init() {}

    public var isConfigured: Bool { getenv("NOTIFY_SOCKET") != nil }

    public func send(_ message: NotifyMessage) throws(SystemdError) {
        let result = sd_notify(0, message.text)
        if result < 0 { throw .notifyFailed(errno: -result) }
    }
}
