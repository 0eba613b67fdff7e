import Foundation
import Synchronization
import Systemd

/// `WATCHDOG=1` pings, sent from the scheduler's own timer loop: the loop calls ``beat()`` on
/// every pass and wakes at least every ``interval`` (half of `WatchdogSec=`), so a hung scheduler
/// stops the pings and systemd restarts the service.
struct WatchdogHeartbeat: Sendable {
    /// The longest the scheduler loop may sleep between two beats.
    let interval: Duration
    private let notifier: SystemdNotifier
    private let stall: StallHook?

    /// The heartbeat of the watchdog systemd armed; nil when there is none.
    init?(notifier: SystemdNotifier, environment: [String: String]) {
        guard let watchdog = notifier.watchdog else { return nil }
        interval = watchdog.pingInterval
        self.notifier = notifier
        stall = StallHook(environment: environment)
    }

    /// Sends `WATCHDOG=1`. Called by the scheduler loop after each pass.
    func beat() async {
        if let stall, await stall.stallsNow() { return }
        notifier.watchdogPing()
    }
}

/// Test builds only: `ETLB_TEST_STALL_SCHEDULER_AFTER_PINGS=N` makes the scheduler loop hang (in
/// this heartbeat, which the loop awaits) after N pings, to prove that a stalled scheduler stops
/// the watchdog. Release builds ignore the variable.
private final class StallHook: Sendable {
    static let variable = "ETLB_TEST_STALL_SCHEDULER_AFTER_PINGS"
    private let limit: Int
    private let pings = Atomic<Int>(0)

    init?(environment: [String: String]) {
        #if DEBUG
        guard let limit = environment[Self.variable].flatMap(Int.init), limit >= 0 else { return nil }
        self.limit = limit
        #else
        return nil
        #endif
    }

    /// After the limit, sleeps until the loop is cancelled (graceful shutdown) and returns true.
    func stallsNow() async -> Bool {
        guard pings.add(1, ordering: .relaxed).newValue > limit else { return false }
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        return true
    }
}
