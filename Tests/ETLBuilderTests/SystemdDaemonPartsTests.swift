import API
import Foundation
import Logging
import Scheduling
import Store
import Synchronization
import Systemd
import Testing
@testable import ETLBuilder

/// A notify transport that keeps what would have been sent to systemd.
private final class RecordingNotifyTransport: NotifyTransport {
    private let sent = Mutex<[String]>([])
    var isConfigured: Bool { true }
    var messages: [String] { sent.withLock { $0 } }
    func send(_ message: NotifyMessage) throws(SystemdError) { sent.withLock { $0.append(message.text) } }
}

@Suite("Configuration reload (SIGHUP)")
struct ConfigReloaderTests {
    private struct Fixture {
        let directory: URL
        let transport = RecordingNotifyTransport()
        let link: ServiceManagerLink
        let loader: ConfigLoader
        let level = LiveLogLevel(.info)

        init(_ yaml: String) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("reload-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            loader = ConfigLoader(explicitPath: directory.appendingPathComponent("config.yaml").path, environment: [:])
            link = ServiceManagerLink(notifier: SystemdNotifier(transport: transport, watchdog: nil), logger: Logger(label: "test"))
            try write(yaml)
        }

        func write(_ yaml: String) throws {
            try yaml.write(to: directory.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        }

        func reloader() throws -> ConfigReloader {
            for condition in StartupCondition.all { link.satisfied(condition) }
            return ConfigReloader(
                loader: loader, startup: try loader.load(), liveSettings: [.logLevel(level)], link: link, logger: Logger(label: "test"))
        }
    }

    @Test("a changed log level applies at once; a changed port is reported as needing a restart; RELOADING then READY")
    func appliesLiveAndReportsRestart() async throws {
        let fixture = try Fixture("logging:\n  level: info\nserver:\n  port: 8000\n")
        let reloader = try fixture.reloader()
        try fixture.write("logging:\n  level: debug\nserver:\n  port: 9000\n")
        let outcome = await reloader.reload()
        #expect(outcome == .accepted(applied: ["logging.level"], needRestart: ["server.port"]))
        #expect(fixture.level.value == .debug)
        let messages = fixture.transport.messages
        #expect(messages.contains { $0.hasPrefix("RELOADING=1\nMONOTONIC_USEC=") })
        #expect(messages.last == "READY=1\nSTATUS=configuration reloaded: applied logging.level; restart needed for server.port")

        // The port still differs from the running one: a second reload says so again.
        #expect(await reloader.reload() == .accepted(applied: [], needRestart: ["server.port"]))
    }

    @Test("a changed rate limit and changed scheduler defaults apply at once, not at the next restart")
    func appliesRateLimitAndSchedulerDefaults() async throws {
        let fixture = try Fixture("api:\n  rate_limit_per_minute: 60\nscheduler:\n  default_timezone: UTC\n")
        for condition in StartupCondition.all { fixture.link.satisfied(condition) }
        let startup = try fixture.loader.load()
        let rateLimit = RateLimitSetting(perMinute: startup.api.rateLimitPerMinute)
        let parts = DaemonParts(schedulingDefaults: SchedulingDefaults(startup.scheduler))
        let reloader = ConfigReloader(
            loader: fixture.loader, startup: startup, liveSettings: [.rateLimit(rateLimit), .schedulerDefaults(parts)],
            link: fixture.link, logger: Logger(label: "test"))
        try fixture.write(
            "api:\n  rate_limit_per_minute: 5\nscheduler:\n  default_timezone: Europe/Paris\n  overlap_policy: queue\n")
        let outcome = await reloader.reload()
        #expect(
            outcome
                == .accepted(
                    applied: ["api.rate_limit_per_minute", "scheduler.default_timezone", "scheduler.overlap_policy"], needRestart: []))
        #expect(rateLimit.perMinute == 5)
        #expect(parts.schedulingDefaults.timeZone.identifier == "Europe/Paris")
        #expect(parts.schedulingDefaults.overlapPolicy == .queue)
    }

    @Test("a bad configuration is refused whole: the old one stays and the status says why")
    func rejectsBadConfiguration() async throws {
        let fixture = try Fixture("logging:\n  level: info\n")
        let reloader = try fixture.reloader()
        try fixture.write("logging:\n  level: loud\n")
        let outcome = await reloader.reload()
        guard case .rejected(let error) = outcome else {
            Issue.record("expected a rejection, got \(outcome)")
            return
        }
        #expect(error.key == "logging.level")
        #expect(fixture.level.value == .info)
        #expect(await reloader.current.logging.level == .info)
        #expect(fixture.transport.messages.last?.hasPrefix("READY=1\nSTATUS=configuration reload failed, old configuration kept: configuration error: logging.level") == true)
    }

    @Test("every configuration key is compared by a reload")
    func everyKeyCompared() throws {
        let defaults = try ConfigLoader(explicitPath: nil, environment: [:], systemConfigPath: "/nonexistent").load()
        for spec in ConfigSchema.keys {
            let changed = try ConfigLoader(
                explicitPath: nil, environment: [spec.environmentName: Self.otherValidValue(for: spec)],
                systemConfigPath: "/nonexistent"
            ).load()
            #expect(defaults.changedKeys(in: changed) == [spec.key], "\(spec.key)")
        }
    }

    /// A valid value for `spec` that differs from its default.
    static func otherValidValue(for spec: ConfigKeySpec) -> String {
        switch (spec.key, spec.kind) {
        case ("store.url", _): "sqlite:///tmp/other.db"
        case ("scheduler.default_timezone", _): "Europe/Paris"
        case ("auth.secrets_key", _): Data(repeating: 1, count: 32).base64EncodedString()
        case ("auth.jwt_secret", _): String(repeating: "k", count: 32)
        case (_, .integer(let range)): String(range.lowerBound == Int(spec.defaultValue) ? range.upperBound : range.lowerBound)
        case (_, .boolean): spec.defaultValue == "true" ? "false" : "true"
        case (_, .choice(let choices)): choices.first { $0 != spec.defaultValue }!
        case (_, .string), (_, .validatedString): "/changed"
        }
    }
}

@Suite("systemd pieces of the daemon")
struct SystemdDaemonPartsTests {
    @Test("READY=1 is sent only when store, schedules and API are all ready; STATUS says what start-up waits for")
    func readinessGate() {
        let transport = RecordingNotifyTransport()
        let link = ServiceManagerLink(notifier: SystemdNotifier(transport: transport, watchdog: nil), logger: Logger(label: "test"))
        link.satisfied(.apiListening)
        link.satisfied(.storeMigrated)
        #expect(transport.messages == [
            "STATUS=starting: waiting for schedules armed, store migrated", "STATUS=starting: waiting for schedules armed",
        ])
        link.satisfied(.schedulesArmed)
        #expect(transport.messages.last == "READY=1\nSTATUS=ready")
        link.satisfied(.apiListening)
        #expect(transport.messages.filter { $0.hasPrefix("READY=1") }.count == 1)
    }

    @Test("the status line shows schedules, runs, the queue and the next fire in the default zone")
    func statusLine() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Paris"))
        let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 00:00:00 UTC
        var status = DaemonStatus(
            armedSchedules: 42, running: 2, queued: 0, nextFire: now.addingTimeInterval(3600), timeZone: zone, degraded: nil)
        #expect(status.line(now: now) == "42 schedules armed · 2 running · next fire 02:00:00 Europe/Paris")
        status.queued = 3
        status.nextFire = now.addingTimeInterval(2 * 86_400)
        status.degraded = "store unreachable"
        #expect(status.line(now: now) == "degraded: store unreachable · 42 schedules armed · 2 running · 3 queued · next fire 2026-01-03 01:00:00 Europe/Paris")
        #expect(DaemonStatus(armedSchedules: 1, running: 0, queued: 0, nextFire: nil, timeZone: zone).line(now: now) == "1 schedule armed · 0 running")
    }

    @Test("logging.format auto picks the journal only when $JOURNAL_STREAM is stderr")
    func logDestination() {
        #expect(LogDestination.resolve(format: "journal", environment: [:]) == .journal)
        #expect(LogDestination.resolve(format: "json", environment: [:]) == .json)
        #expect(LogDestination.resolve(format: "text", environment: ["JOURNAL_STREAM": "1:1"]) == .text)
        #expect(LogDestination.resolve(format: "auto", environment: [:]) == .text)
        #expect(LogDestination.resolve(format: "auto", environment: ["JOURNAL_STREAM": "0:0"]) == .text)
    }

    @Test("the live log level changes every handler, but a logger's own level wins for that logger")
    func liveLevel() {
        let live = LiveLogLevel(.info)
        var handler = LiveLevelLogHandler(base: SwiftLogNoOpLogHandler(), live: live)
        #expect(handler.logLevel == .info)
        live.value = .debug
        #expect(handler.logLevel == .debug)
        handler.logLevel = .error
        live.value = .trace
        #expect(handler.logLevel == .error)
    }

    @Test("no watchdog, no heartbeat; with one, the scheduler loop must wake at half its timeout")
    func heartbeat() {
        #expect(WatchdogHeartbeat(notifier: SystemdNotifier(transport: RecordingNotifyTransport(), watchdog: nil), environment: [:]) == nil)
        let notifier = SystemdNotifier(transport: RecordingNotifyTransport(), watchdog: WatchdogConfiguration(timeout: .seconds(6)))
        #expect(WatchdogHeartbeat(notifier: notifier, environment: [:])?.interval == .seconds(3))
    }
}
