import Foundation
import Logging
import Pipelines
import ServiceLifecycle
import Store

/// The scheduler, the executor and the store's event recorder as one `Service` of `serve`,
/// started once the store is open and migrated.
///
/// `run()`:
/// 1. subscribes the ``ExecutionEventRecorder`` and the ``ExecutionJournal`` (before anything publishes);
/// 2. recovers executions a crash left `running`;
/// 3. arms every armed pipeline and fires the slots the misfire policies keep;
/// 4. runs the timer loop and the claim loop until graceful shutdown (or cancellation);
/// 5. stops firing, drains the executor (``SchedulingConfiguration/shutdownGrace``, then cancels),
///    and finishes the ``ExecutionEvents`` broadcaster so the recorder writes the last events and
///    returns. The store must stay open until `run()` returns.
///
/// The API calls ``pipelineChanged(id:)``, ``pipelineRemoved(id:)``, ``executionsEnqueued()``,
/// ``cancel(executionID:reason:)`` and ``snapshot()``.
public final class SchedulingRuntime: Service, Sendable {
    /// The scheduler (timer wheel and policies).
    public let scheduler: Scheduler
    /// The worker pool.
    public let executor: Executor
    private let store: any MetadataStore
    private let events: ExecutionEvents
    private let clock: any SchedulerClock
    private let configuration: SchedulingConfiguration
    private let logger: Logger

    public convenience init(
        store: any MetadataStore, events: ExecutionEvents, runner: any PipelineRunner,
        configuration: SchedulingConfiguration, clock: any SchedulerClock = SystemSchedulerClock(), logger: Logger
    ) {
        self.init(
            store: store, events: events, runner: runner, configuration: configuration, clock: clock,
            random: { Double.random(in: 0..<1) }, logger: logger)
    }

    init(
        store: any MetadataStore, events: ExecutionEvents, runner: any PipelineRunner,
        configuration: SchedulingConfiguration, clock: any SchedulerClock, random: @escaping @Sendable () -> Double,
        logger: Logger
    ) {
        self.store = store
        self.events = events
        self.clock = clock
        self.configuration = configuration
        self.logger = logger
        let metrics = SchedulingMetrics(factory: configuration.metricsFactory)
        executor = Executor(
            store: store, events: events, runner: runner, clock: clock, configuration: configuration, random: random,
            metrics: metrics, logger: logger)
        scheduler = Scheduler(
            store: store, events: events, control: executor, clock: clock, defaults: configuration.defaults,
            fireBatchSize: configuration.fireBatchSize, metrics: metrics, logger: logger)
    }

    /// Applies new scheduler defaults (`scheduler.default_timezone`, `misfire_policy`,
    /// `max_catch_up`, `overlap_policy`) without a restart: armed pipelines that rely on them are
    /// re-armed at once.
    public func updateDefaults(_ defaults: SchedulingDefaults) async {
        await executor.updateDefaults(defaults)
        await scheduler.updateDefaults(defaults)
    }

    public func run() async throws {
        let recorder = ExecutionEventRecorder(store: store, logger: logger)
        let stream = events.subscribe(buffering: .unbounded)
        let journal = ExecutionJournal(store: store, logger: logger)
        let journalStream = events.subscribe(buffering: .unbounded)
        try await executor.recoverInterrupted()
        try await scheduler.start()
        await configuration.onArmed?(await scheduler.armedCount)
        await withDiscardingTaskGroup { group in
            // Unstructured, so cancelling `run()` does not cut the stream short: the recorder
            // stops when the broadcaster is finished below, after the last state change.
            group.addTask { await Task { await recorder.record(stream) }.value }
            group.addTask { await Task { await journal.record(journalStream) }.value }
            group.addTask {
                await cancelWhenGracefulShutdown {
                    await withDiscardingTaskGroup { loops in
                        loops.addTask { await self.timerLoop() }
                        loops.addTask { await self.claimLoop() }
                    }
                }
                await self.executor.drain(grace: self.configuration.shutdownGrace)
                self.events.finish()
            }
        }
        logger.info("Scheduler and executor stopped")
    }

    /// Sleeps until the next timer (or an earlier one is armed), fires what is due; until cancelled.
    private func timerLoop() async {
        while !Task.isCancelled {
            let longestSleep = min(configuration.maximumIdleSleep, configuration.heartbeat?.interval ?? configuration.maximumIdleSleep)
            let cap = clock.now.adding(longestSleep)
            let deadline = min(await scheduler.nextWakeup ?? cap, cap)
            await scheduler.wakeUp.wait(until: deadline, on: clock)
            guard !Task.isCancelled else { return }
            await scheduler.fireDueTimers()
            // After the scheduler actor answered: a hung scheduler stops the beats.
            await configuration.heartbeat?.beat()
        }
    }

    /// Claims while there is room and work, then waits for an enqueue, a finished run, the next
    /// retry's backoff or the poll interval; until cancelled.
    private func claimLoop() async {
        while !Task.isCancelled {
            // Read before claiming: a backoff that ends while claiming makes the wait return at once.
            let deferred = await executor.nextDeferredStart()
            await executor.claimAvailable()
            let poll = configuration.queuePollInterval.map { clock.now.adding($0) } ?? .distantFuture
            await executor.wakeUp.wait(until: min(poll, deferred ?? .distantFuture), on: clock)
        }
    }

    // MARK: API

    /// Applies an API edit of a pipeline (create, update, pause, resume, archive) at once.
    public func pipelineChanged(id: UUID) async throws(StoreError) { try await scheduler.pipelineChanged(id: id) }

    /// Disarms a deleted pipeline.
    public func pipelineRemoved(id: UUID) async { await scheduler.pipelineRemoved(id: id) }

    /// The API queued an execution (the execute route): the executor looks at the queue now.
    public func executionsEnqueued() { executor.executionsEnqueued() }

    /// The API's cancel route.
    @discardableResult
    public func cancel(executionID: UUID, reason: String = "cancelled by request") async -> CancelOutcome {
        await executor.cancel(executionID: executionID, reason: reason)
    }

    /// Armed schedules, next fires, queue counts and fire-lag percentiles.
    public func snapshot() async throws(StoreError) -> SchedulerSnapshot {
        var snapshot = await scheduler.snapshot()
        let counts = try await store.countExecutionsByStatus(pipelineID: nil)
        snapshot.running = await executor.runningCount
        snapshot.pending = counts[.pending] ?? 0
        snapshot.maxConcurrentExecutions = configuration.maxConcurrentExecutions
        return snapshot
    }
}
