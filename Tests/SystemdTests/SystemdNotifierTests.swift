import Testing
@testable import Systemd

@Suite("SystemdNotifier: the sd_notify lifecycle")
struct SystemdNotifierTests {
    @Test("a full lifecycle sends READY, STATUS, WATCHDOG, RELOADING with MONOTONIC_USEC, READY, STOPPING in order")
    func lifecycle() throws {
        let transport = RecordingTransport()
        let notifier = SystemdNotifier(transport: transport, watchdog: nil)
        #expect(notifier.state == .starting)
        #expect(notifier.ready(status: "3 schedules armed") == .sent)
        #expect(notifier.status("3 schedules armed · 1 running") == .sent)
        #expect(notifier.watchdogPing() == .sent)
        let before = MonotonicClock.microseconds()
        #expect(notifier.reloading(status: "reloading configuration") == .sent)
        #expect(notifier.state == .reloading)
        #expect(notifier.ready(status: "configuration reloaded") == .sent)
        #expect(notifier.stopping() == .sent)
        #expect(notifier.state == .stopping)

        let messages = transport.messages
        #expect(messages.count == 6)
        #expect(messages[0] == "READY=1\nSTATUS=3 schedules armed")
        #expect(messages[1] == "STATUS=3 schedules armed · 1 running")
        #expect(messages[2] == "WATCHDOG=1")
        let reload = messages[3].split(separator: "\n")
        #expect(reload.first == "RELOADING=1")
        let stamp = try #require(reload.first { $0.hasPrefix("MONOTONIC_USEC=") }.flatMap { UInt64($0.dropFirst(15)) })
        #expect(stamp >= before && stamp <= MonotonicClock.microseconds())
        #expect(reload.last == "STATUS=reloading configuration")
        #expect(messages[4] == "READY=1\nSTATUS=configuration reloaded")
        #expect(messages[5] == "STOPPING=1")
    }

    @Test("out-of-order messages are skipped with a typed error and not sent")
    func outOfOrder() {
        let transport = RecordingTransport()
        let notifier = SystemdNotifier(transport: transport, watchdog: nil)
        #expect(notifier.reloading() == .skipped(.invalidTransition(from: .starting, message: "RELOADING=1")))
        notifier.ready()
        #expect(notifier.ready() == .skipped(.invalidTransition(from: .ready, message: "READY=1")))
        notifier.stopping()
        #expect(notifier.stopping() == .skipped(.invalidTransition(from: .stopping, message: "STOPPING=1")))
        #expect(notifier.ready() == .skipped(.invalidTransition(from: .stopping, message: "READY=1")))
        #expect(notifier.status("draining 2 executions") == .sent, "STATUS is allowed while stopping")
        #expect(transport.messages == ["READY=1", "STOPPING=1", "STATUS=draining 2 executions"])
    }

    @Test("without a service manager nothing is sent, yet the lifecycle state moves")
    func notConfigured() {
        let transport = RecordingTransport(isConfigured: false)
        let notifier = SystemdNotifier(transport: transport, watchdog: nil)
        #expect(notifier.ready() == .notConfigured)
        #expect(notifier.state == .ready)
        #expect(transport.messages.isEmpty)
    }

    @Test("a multi-line status is sent as one line")
    func oneLineStatus() {
        let transport = RecordingTransport()
        let notifier = SystemdNotifier(transport: transport, watchdog: nil)
        notifier.status("store unreachable:\nconnection refused\r\nretrying")
        #expect(transport.messages == ["STATUS=store unreachable: connection refused retrying"])
    }

    @Test("the watchdog pings at half its timeout")
    func watchdogHalf() {
        #expect(WatchdogConfiguration(timeout: .seconds(10)).pingInterval == .seconds(5))
    }
}
