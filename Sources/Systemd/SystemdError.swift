/// Why a call into libsystemd failed, with a stable ``errorCode`` for logs and tests.
public enum SystemdError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `sd_notify` could not deliver a message to `$NOTIFY_SOCKET`.
    case notifyFailed(errno: Int32)
    /// A lifecycle message was out of order (for example `READY=1` twice, or `RELOADING=1` before `READY=1`).
    case invalidTransition(from: ServiceLifecycleState, message: String)
    /// `sd_watchdog_enabled` rejected `$WATCHDOG_USEC`/`$WATCHDOG_PID`.
    case watchdogMisconfigured(errno: Int32)
    /// `sd_listen_fds_with_names` rejected `$LISTEN_FDS`/`$LISTEN_PID`/`$LISTEN_FDNAMES`.
    case listenFDsMisconfigured(errno: Int32)
    /// A passed file descriptor is not a listening stream socket.
    case notAListeningStreamSocket(fileDescriptor: Int32, name: String)

    /// A stable identifier of the case.
    public var errorCode: String {
        switch self {
        case .notifyFailed: "systemd_notify_failed"
        case .invalidTransition: "systemd_invalid_transition"
        case .watchdogMisconfigured: "systemd_watchdog_misconfigured"
        case .listenFDsMisconfigured: "systemd_listen_fds_misconfigured"
        case .notAListeningStreamSocket: "systemd_not_a_listening_socket"
        }
    }

    public var description: String {
        switch self {
        case .notifyFailed(let errno):
            "cannot notify the service manager through $NOTIFY_SOCKET (errno \(errno))"
        case .invalidTransition(let state, let message):
            "not sending \(message) to the service manager while \(state)"
        case .watchdogMisconfigured(let errno):
            "$WATCHDOG_USEC or $WATCHDOG_PID is malformed (errno \(errno))"
        case .listenFDsMisconfigured(let errno):
            "$LISTEN_FDS, $LISTEN_PID or $LISTEN_FDNAMES is malformed (errno \(errno))"
        case .notAListeningStreamSocket(let fd, let name):
            "file descriptor \(fd) (\"\(name)\") passed by the service manager is not a listening stream socket"
        }
    }
}
