import Foundation
import Logging
import Pipelines
@_spi(Testing) import Store
import Synchronization
import Testing

@testable import Scheduling

/// 2025-03-24T00:00:00Z, a Monday.
let monday = Date(timeIntervalSince1970: 1_742_774_400)

/// A real SQLite store in a temporary file, sharing a virtual clock with the code under test.
struct SchedulingFixture: Sendable {
    let store: SQLiteMetadataStore
    let clock: VirtualClock
    let events: ExecutionEvents
    let path: String

    static var logger: Logger {
        var logger = Logger(label: "etl-builder.scheduling-tests")
        logger.logLevel = ProcessInfo.processInfo.environment["SCHED_TEST_LOG"] == nil ? .critical : .trace
        return logger
    }

    static func with(start: Date = monday, _ body: (SchedulingFixture) async throws -> Void) async throws {
        let clock = VirtualClock(start)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("etl-sched-\(UUID().uuidString).sqlite").path
        let store = try await SQLiteMetadataStore.open(
            path: path, cipher: try SecretCipher(key: SecretCipher.generateKey()), logger: logger,
            options: .init(clock: { clock.now }))
        _ = try await store.migrate()
        let fixture = SchedulingFixture(store: store, clock: clock, events: ExecutionEvents(), path: path)
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            try await body(fixture)
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }

    static let defaults = SchedulingDefaults(
        timeZone: TimeZone(identifier: "UTC")!, misfirePolicy: .skip, maxCatchUp: 10, overlapPolicy: .allow)

    func scheduler(control: RecordingControl = RecordingControl(), defaults: SchedulingDefaults = Self.defaults) -> Scheduler {
        Scheduler(store: store, events: events, control: control, clock: clock, defaults: defaults, logger: Self.logger)
    }

    @discardableResult
    func pipeline(
        _ schedule: String?, zone: String? = nil, status: PipelineStatus = .active, policy: PipelinePolicy = PipelinePolicy(),
        name: String = "p-\(UUID().uuidString.prefix(8))"
    ) async throws -> PipelineRecord {
        try await store.createPipeline(
            NewPipeline(
                name: name, status: status, config: #"{"nodes":[],"edges":[]}"#, schedule: schedule, scheduleTimezone: zone,
                policy: policy))
    }

    /// Fires the scheduler's timers the way its loop does, jumping the clock from one wake-up to the next.
    func run(_ scheduler: Scheduler, until end: Date) async {
        while let next = await scheduler.nextWakeup, next <= end {
            clock.advance(to: next)
            await scheduler.fireDueTimers()
        }
        clock.advance(to: end)
        await scheduler.fireDueTimers()
    }

    func executions(of pipelineID: UUID) async throws -> [ExecutionRecord] {
        try await store.listExecutions(filter: ExecutionFilter(pipelineID: pipelineID), page: PageRequest(page: 1, pageSize: 100_000))
            .items.map(\.execution).sorted { ($0.queuedAt, $0.attempt, $0.scheduledFor ?? .distantPast) < ($1.queuedAt, $1.attempt, $1.scheduledFor ?? .distantPast) }
    }

    func scheduledSlots(of pipelineID: UUID) async throws -> [Date] {
        try await executions(of: pipelineID).compactMap(\.scheduledFor).sorted()
    }

    /// Polls `condition` (real time) until it holds; fails the test after `seconds`.
    func eventually(
        _ what: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("timed out waiting for \(what)", sourceLocation: sourceLocation)
        throw CancellationError()
    }
}

/// An executor stand-in that records what the scheduler asked of it.
final class RecordingControl: ExecutionControl {
    private let state = Mutex<(enqueued: Int, cancelled: [UUID])>((0, []))

    var enqueuedSignals: Int { state.withLock { $0.enqueued } }
    var cancelled: [UUID] { state.withLock { $0.cancelled } }

    func executionsEnqueued() { state.withLock { $0.enqueued += 1 } }

    func cancel(executionID: UUID, reason: String) async -> CancelOutcome {
        state.withLock { $0.cancelled.append(executionID) }
        return .cancelling
    }
}
