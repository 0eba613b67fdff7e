import CSystemd

/// The service watchdog systemd armed for this process (`WatchdogSec=`), as sd_watchdog_enabled(3)
/// reads it from `$WATCHDOG_USEC` and `$WATCHDOG_PID`.
public struct WatchdogConfiguration: Sendable, Equatable {
    /// How long systemd waits for `WATCHDOG=1` before it considers the service hung.
    public var timeout: Duration

    /// How often to ping: half the timeout, as sd_watchdog_enabled(3) recommends.
    public var pingInterval: Duration { timeout / 2 }

    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// The watchdog of this process, nil when systemd armed none (or armed it for another PID).
    public static func fromEnvironment() throws(SystemdError) -> WatchdogConfiguration? {
        var microseconds: UInt64 = 0
        let result = sd_watchdog_enabled(0, &microseconds)
        if result < 0 { throw .watchdogMisconfigured(errno: -result) }
        guard result > 0, microseconds > 0 else { return nil }
        return WatchdogConfiguration(timeout: .microseconds(Int64(clamping: microseconds)))
    }
}
