import Foundation
import Logging
import Pipelines
import ServiceLifecycle
@_spi(Testing) import Store
import Synchronization
import Testing

@testable import Scheduling

@Suite("Executor")
struct ExecutorTests {
    static func configuration(pool: Int = 4, grace: Duration = .zero) -> SchedulingConfiguration {
        SchedulingConfiguration(
            defaults: SchedulingFixture.defaults, maxConcurrentExecutions: pool, shutdownGrace: grace, node: "test",
            queuePollInterval: nil)
    }

    static func runtime(_ f: SchedulingFixture, _ runner: TestRunner, pool: Int = 4, grace: Duration = .zero) -> SchedulingRuntime {
        SchedulingRuntime(
            store: f.store, events: f.events, runner: runner, configuration: configuration(pool: pool, grace: grace),
            clock: f.clock, random: { 0 }, logger: SchedulingFixture.logger)
    }

    /// Runs `runtime` for the duration of `body`, then stops it (cancellation: shutdown without grace).
    static func running(_ runtime: SchedulingRuntime, _ body: () async throws -> Void) async throws {
        let task = Task { try await runtime.run() }
        do {
            try await body()
        } catch {
            task.cancel()
            _ = try? await task.value
            throw error
        }
        task.cancel()
        try await task.value
    }

    func enqueue(_ f: SchedulingFixture, _ pipelineID: UUID) async throws -> ExecutionRecord {
        guard case .inserted(let record) = try await f.store.insertExecution(NewExecution(pipelineID: pipelineID, triggerType: .manual))
        else { throw CancellationError() }
        return record
    }

    func status(_ f: SchedulingFixture, _ id: UUID) async throws -> ExecutionStatus? {
        try await f.store.execution(id: id)?.status
    }

    @Test("a bounded pool runs queued executions in queue order, never more at once than its size")
    func boundedPool() async throws {
        try await SchedulingFixture.with { f in
            let runner = TestRunner.succeeding(afterMilliseconds: 30)
            let runtime = Self.runtime(f, runner, pool: 2)
            var queued: [UUID] = []
            for _ in 0..<6 {
                let p = try await f.pipeline(nil)
                queued.append(try await enqueue(f, p.id).id)
                f.clock.advance(by: 1)
            }
            try await Self.running(runtime) {
                try await f.eventually("all six to succeed") {
                    try await f.store.countExecutionsByStatus(pipelineID: nil)[.success] == 6
                }
            }
            #expect(runner.maxActive == 2)
            #expect(runner.started == queued)
            let record = try #require(try await f.store.execution(id: queued[0]))
            #expect(record.rowsProcessed == 10)
            #expect(record.claimedBy == "test")
        }
    }

    @Test("failed attempts are retried as new executions with exponential backoff, up to max_retries")
    func retries() async throws {
        try await SchedulingFixture.with { f in
            let runner = TestRunner { _, _ in throw PipelineRunError(nodeID: "extract", message: "connection refused") }
            let p = try await f.pipeline(nil, policy: PipelinePolicy(maxRetries: 2, retryBackoffSeconds: 10))
            let first = try await enqueue(f, p.id)
            let start = f.clock.now
            try await Self.running(Self.runtime(f, runner)) {
                try await f.eventually("the first retry to be queued") { try await f.executions(of: p.id).count == 2 }
                let retry = try await f.executions(of: p.id)[1]
                #expect(retry.notBefore == start.addingTimeInterval(10))
                #expect(try await status(f, retry.id) == .pending)
                f.clock.advance(by: 10)
                try await f.eventually("the second retry to be queued") { try await f.executions(of: p.id).count == 3 }
                #expect(try await f.executions(of: p.id)[2].notBefore == start.addingTimeInterval(10 + 20))
                f.clock.advance(by: 20)
                try await f.eventually("the last attempt to fail") {
                    try await f.store.countExecutionsByStatus(pipelineID: p.id)[.failed] == 3
                }
            }
            let chain = try await f.executions(of: p.id)
            #expect(chain.map(\.attempt) == [1, 2, 3])
            #expect(chain.map(\.triggerType) == [.manual, .retry, .retry])
            #expect(chain.map(\.retryOf) == [nil, first.id, chain[1].id])
            #expect(chain.allSatisfy { $0.errorMessage == "connection refused" && $0.failedNodeID == "extract" })
            #expect(runner.started.count == 3)
        }
    }

    @Test("a run past timeout_seconds is stopped and fails as timed out")
    func timeout() async throws {
        try await SchedulingFixture.with { f in
            let runner = TestRunner.untilCancelled(f.clock)
            let p = try await f.pipeline(nil, policy: PipelinePolicy(timeoutSeconds: 5))
            let execution = try await enqueue(f, p.id)
            try await Self.running(Self.runtime(f, runner)) {
                try await f.eventually("the timeout") {
                    f.clock.advance(by: 5)
                    return try await status(f, execution.id) == .failed
                }
            }
            #expect(try await f.store.execution(id: execution.id)?.errorMessage == "timed out after 5 s")
        }
    }

    @Test("cancel stops a running execution and cancels a pending one; both end cancelled")
    func cancel() async throws {
        try await SchedulingFixture.with { f in
            let runtime = Self.runtime(f, TestRunner.untilCancelled(f.clock), pool: 1)
            let p = try await f.pipeline(nil)
            let running = try await enqueue(f, p.id)
            f.clock.advance(by: 1)
            let pending = try await enqueue(f, p.id)
            try await Self.running(runtime) {
                try await f.eventually("the first to run") { try await status(f, running.id) == .running }
                #expect(await runtime.cancel(executionID: pending.id) == .cancelled)
                #expect(try await status(f, pending.id) == .cancelled)
                #expect(await runtime.cancel(executionID: running.id) == .cancelling)
                try await f.eventually("the running one to end") { try await status(f, running.id) == .cancelled }
                #expect(await runtime.cancel(executionID: running.id) == .alreadyFinished("cancelled"))
                #expect(await runtime.cancel(executionID: UUID()) == .notFound)
            }
            #expect(try await f.store.execution(id: running.id)?.errorMessage == "cancelled by request")
        }
    }

    @Test("crash recovery: executions left running fail as interrupted; those with retries left run again")
    func crashRecovery() async throws {
        try await SchedulingFixture.with { f in
            let retried = try await f.pipeline(nil, policy: PipelinePolicy(maxRetries: 1))
            let plain = try await f.pipeline(nil)
            let a = try await enqueue(f, retried.id)
            let b = try await enqueue(f, plain.id)
            // The previous daemon claimed both, then died.
            _ = try await f.store.claimNextExecution(node: "test")
            _ = try await f.store.claimNextExecution(node: "test")
            let events = f.events.subscribe()
            let runner = TestRunner.succeeding()
            try await Self.running(Self.runtime(f, runner)) {
                try await f.eventually("the retry to succeed") {
                    try await f.store.countExecutionsByStatus(pipelineID: retried.id)[.success] == 1
                }
            }
            for id in [a.id, b.id] {
                let record = try #require(try await f.store.execution(id: id))
                #expect(record.status == .failed)
                #expect(record.errorMessage == "interrupted by daemon restart")
            }
            let chain = try await f.executions(of: retried.id)
            #expect(chain.map(\.attempt) == [1, 2])
            #expect(chain[1].retryOf == a.id)
            #expect(try await f.executions(of: plain.id).count == 1)
            var failedEvents: Set<UUID> = []
            for await event in events {
                if case .status(let reference, .failed, _, let error, _) = event, error == "interrupted by daemon restart" {
                    failedEvents.insert(reference.executionID)
                }
            }
            #expect(failedEvents == [a.id, b.id])
        }
    }

    @Test("node state saved by a successful run reaches the next run; a failed run's state is dropped")
    func nodeStateAcrossRuns() async throws {
        try await SchedulingFixture.with { f in
            let p = try await f.pipeline(nil)
            let seen = Mutex<[JSONValue?]>([])
            // Each run sees the cursor the last success saved and saves the next one; the second run fails.
            let runner = TestRunner { request, _ in
                let cursor = request.nodeState["read"]?["cursor"]
                let count = seen.withLock { runs in
                    runs.append(cursor)
                    return runs.count
                }
                if count == 2 { throw PipelineRunError(nodeID: "read", message: "source went away") }
                return ExecutionOutcome(rowsProcessed: 1, dataSizeBytes: 1, nodeState: ["read": ["cursor": .integer(Int64(count * 100))]])
            }
            let runtime = Self.runtime(f, runner, pool: 1)
            try await Self.running(runtime) {
                for expected in 1...3 {
                    let execution = try await enqueue(f, p.id)
                    runtime.executionsEnqueued()
                    try await f.eventually("run \(expected) to end") { try await status(f, execution.id)?.isFinal == true }
                }
            }
            #expect(seen.withLock { $0 } == [nil, .integer(100), .integer(100)])
            #expect(try await f.store.nodeState(pipelineID: p.id) == ["read": #"{"cursor":300}"#])
        }
    }

    @Test("graceful shutdown cancels runs still going after the grace period, recorded as cancelled")
    func gracefulShutdown() async throws {
        try await SchedulingFixture.with { f in
            let p = try await f.pipeline(nil)
            let execution = try await enqueue(f, p.id)
            let runtime = Self.runtime(f, TestRunner.untilCancelled(f.clock), grace: .seconds(30))
            let group = ServiceGroup(configuration: .init(services: [runtime], logger: SchedulingFixture.logger))
            let task = Task { try await group.run() }
            try await f.eventually("the run to start") { try await status(f, execution.id) == .running }
            await group.triggerGracefulShutdown()
            try await Task.sleep(for: .milliseconds(50))
            #expect(try await status(f, execution.id) == .running)  // still within the grace period
            try await f.eventually("the grace period to end") {
                f.clock.advance(by: 30)
                return try await status(f, execution.id) == .cancelled
            }
            try await task.value
            #expect(try await f.store.execution(id: execution.id)?.errorMessage == "cancelled by daemon shutdown")
        }
    }

    @Test("overlap queue runs one execution of a pipeline at a time; allow runs them side by side")
    func runLimits() async throws {
        try await SchedulingFixture.with { f in
            let serial = try await f.pipeline(nil, policy: PipelinePolicy(overlapPolicy: .queue))
            let parallel = try await f.pipeline(nil, policy: PipelinePolicy(overlapPolicy: .allow))
            let perPipeline = Mutex<[UUID: (active: Int, max: Int)]>([:])
            let runner = TestRunner { request, _ in
                let pipeline = request.reference.pipelineID
                perPipeline.withLock { counts in
                    var entry = counts[pipeline] ?? (0, 0)
                    entry.active += 1
                    entry.max = max(entry.max, entry.active)
                    counts[pipeline] = entry
                }
                // A run of the `allow` pipeline waits until a second one runs beside it (bounded, so a
                // broken limit fails the expectation below rather than hanging); under `queue` a run
                // just takes a moment, during which a wrongly started second run would be counted.
                for _ in 0..<(pipeline == parallel.id ? 500 : 4) {
                    if pipeline == parallel.id, perPipeline.withLock({ $0[pipeline]?.max ?? 0 }) > 1 { break }
                    try await Task.sleep(for: .milliseconds(10))
                }
                perPipeline.withLock { $0[pipeline]?.active -= 1 }
                return ExecutionOutcome(rowsProcessed: 0, dataSizeBytes: 0)
            }
            for _ in 0..<3 {
                _ = try await enqueue(f, serial.id)
                _ = try await enqueue(f, parallel.id)
            }
            try await Self.running(Self.runtime(f, runner, pool: 6)) {
                try await f.eventually("all six to succeed") {
                    try await f.store.countExecutionsByStatus(pipelineID: nil)[.success] == 6
                }
            }
            let counts = perPipeline.withLock { $0 }
            #expect(counts[serial.id]?.max == 1)
            #expect((counts[parallel.id]?.max ?? 0) > 1)
        }
    }

    @Test("end to end: a slot fires, runs, and its logs and node metrics are stored by the recorder")
    func endToEnd() async throws {
        try await SchedulingFixture.with { f in
            let p = try await f.pipeline("* * * * *")
            let runner = TestRunner { request, events in
                events.publish(
                    .log(request.reference, .init(timestamp: Date(), level: .info, nodeID: "extract", message: "read 10 rows")))
                events.publish(
                    .nodeMetrics(
                        request.reference,
                        .init(nodeID: "extract", rowsInput: 10, rowsOutput: 10, rowsFiltered: 0, durationSeconds: 0.5,
                            memoryPeakMB: 12, cpuPercent: 3)))
                return ExecutionOutcome(rowsProcessed: 10, dataSizeBytes: 100)
            }
            let runtime = Self.runtime(f, runner)
            try await Self.running(runtime) {
                try await f.eventually("the armed schedule") { try await runtime.snapshot().schedules.count == 1 }
                f.clock.advance(by: 60)
                try await f.eventually("the slot's run to succeed") {
                    try await f.store.countExecutionsByStatus(pipelineID: p.id)[.success] == 1
                }
            }
            let execution = try #require(try await f.executions(of: p.id).first)
            #expect(execution.scheduledFor == monday)
            let logs = try await f.store.executionLogs(executionID: execution.id, filter: .init(), page: .init(page: 1, pageSize: 50))
            #expect(logs.items.map(\.message) == ["read 10 rows"])
            #expect(try await f.store.nodeMetrics(executionID: execution.id).map(\.rowsInput) == [10])
        }
    }
}
