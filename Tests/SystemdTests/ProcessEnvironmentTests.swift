import Foundation
import Glibc
import Testing
@testable import Systemd

/// libsystemd reads `$NOTIFY_SOCKET`, `$WATCHDOG_*` and `$LISTEN_*` from the process environment,
/// so these tests set it, one at a time, and restore it.
@Suite("libsystemd through the process environment", .serialized)
struct ProcessEnvironmentTests {
    private func with(_ variables: [String: String], _ body: () throws -> Void) throws {
        let saved = variables.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
        for (name, value) in variables { setenv(name, value, 1) }
        defer {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
        try body()
    }

    @Test("sd_notify delivers the datagrams to a real $NOTIFY_SOCKET listener")
    func realNotifySocket() throws {
        let listener = try DatagramListener()
        try with(["NOTIFY_SOCKET": listener.path]) { () throws in
            let notifier = SystemdNotifier(watchdog: nil)
            #expect(notifier.isConfigured)
            #expect(notifier.ready(status: "ready · 0 schedules armed") == .sent)
            #expect(listener.receive() == "READY=1\nSTATUS=ready · 0 schedules armed")
            #expect(notifier.watchdogPing() == .sent)
            #expect(listener.receive() == "WATCHDOG=1")
        }
    }

    @Test("a $NOTIFY_SOCKET nobody listens on is reported as a failure, not thrown")
    func deadNotifySocket() throws {
        try with(["NOTIFY_SOCKET": "/nonexistent/notify.sock"]) { () throws in
            let outcome = SystemdNotifier(watchdog: nil).ready()
            guard case .failed(.notifyFailed(let code)) = outcome else {
                Issue.record("expected a failure, got \(outcome)")
                return
            }
            #expect(code == ENOENT)
        }
    }

    @Test("the watchdog is read from $WATCHDOG_USEC when $WATCHDOG_PID is this process, ignored otherwise")
    func watchdog() throws {
        try with(["WATCHDOG_USEC": "4000000", "WATCHDOG_PID": String(getpid())]) { () throws in
            #expect(try WatchdogConfiguration.fromEnvironment() == WatchdogConfiguration(timeout: .seconds(4)))
            #expect(try SystemdNotifier.fromEnvironment().watchdog?.pingInterval == .seconds(2))
        }
        try with(["WATCHDOG_USEC": "4000000", "WATCHDOG_PID": "1"]) { () throws in
            #expect(try WatchdogConfiguration.fromEnvironment() == nil)
        }
        try with(["WATCHDOG_USEC": "soon", "WATCHDOG_PID": String(getpid())]) { () throws in
            #expect(throws: SystemdError.self) { try WatchdogConfiguration.fromEnvironment() }
        }
    }

    @Test("sockets passed to another process ($LISTEN_PID) are not ours; none passed means none; a malformed count throws")
    func listenPID() throws {
        try with(["LISTEN_FDS": "1", "LISTEN_PID": "1", "LISTEN_FDNAMES": "http"]) { () throws in
            #expect(try SocketActivation.listenedSockets().isEmpty)
            #expect(try SocketActivation.listeningStreamSocket() == nil)
        }
        #expect(try SocketActivation.listenedSockets().isEmpty, "nothing passed")
        try with(["LISTEN_FDS": "many", "LISTEN_PID": String(getpid())]) { () throws in
            #expect(throws: SystemdError.self) { try SocketActivation.listenedSockets() }
        }
    }
}
