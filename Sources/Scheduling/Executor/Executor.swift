import CoreMetrics
import Foundation
import Logging
import Pipelines
import Store

/// The bounded worker pool: claims pending executions in queue order, runs them through the
/// ``PipelineRunner``, and owns every status change after `pending`.
///
/// Each transition is written to the store first and then published on ``ExecutionEvents``, so a
/// subscriber that sees an event can read the row in that state. Per-pipeline run limits (see
/// ``OverlapRule``) keep queued executions of a busy pipeline waiting while others run.
///
/// State of one execution here: `claimed → running → finished`, plus `cancel requested` (by the
/// API, a `replace` policy, or shutdown), which makes the run end as `cancelled`.
public actor Executor: ExecutionControl {
    private struct Run {
        var pipelineID: UUID
        /// The whole life of the run: load, run, record. Never cancelled, so the final status is
        /// always written (a cancelled task could not reach the store).
        var task: Task<Void, Never>
        /// The runner's call (with its timeout): what a cancel stops.
        var call: Task<ExecutionOutcome, any Error>?
        /// Set when someone asked the run to stop: the reason recorded on the execution.
        var cancelReason: String?
    }

    private let store: any MetadataStore
    private let events: ExecutionEvents
    private let runner: any PipelineRunner
    private let clock: any SchedulerClock
    private var configuration: SchedulingConfiguration
    private let random: @Sendable () -> Double
    private let metrics: SchedulingMetrics
    private let logger: Logger

    private var runs: [UUID: Run] = [:]
    private var runsPerPipeline: [UUID: Int] = [:]
    /// Pipelines at their run limit: their pending executions are not claimed.
    private var saturated: Set<UUID> = []
    private var isDraining = false
    /// Rung when the queue may have claimable work: enqueued executions, a finished run.
    let wakeUp = Doorbell()
    /// Rung when a run ends (shutdown waits on it).
    private let runEnded = Doorbell()

    init(
        store: any MetadataStore, events: ExecutionEvents, runner: any PipelineRunner, clock: any SchedulerClock,
        configuration: SchedulingConfiguration, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        metrics: SchedulingMetrics = SchedulingMetrics(factory: NOOPMetricsHandler.instance), logger: Logger
    ) {
        self.store = store
        self.events = events
        self.runner = runner
        self.clock = clock
        self.configuration = configuration
        self.random = random
        self.metrics = metrics
        self.logger = logger
    }

    /// New fallbacks for the pipelines' retry policies (a configuration reload), for runs that
    /// start from now on.
    func updateDefaults(_ defaults: SchedulingDefaults) {
        configuration.defaults = defaults
    }

    /// Executions running now.
    public var runningCount: Int { runs.count }

    /// New executions are in the queue: look at it now.
    public nonisolated func executionsEnqueued() { wakeUp.ring() }

    // MARK: Recovery

    /// After a crash: executions left `running` become `failed` ("interrupted by daemon
    /// restart"); those whose pipeline allows another attempt are queued again as a retry.
    func recoverInterrupted() async throws(StoreError) {
        let message = "interrupted by daemon restart"
        let ids = try await store.markInterruptedExecutions(node: nil, message: message)
        guard !ids.isEmpty else { return }
        logger.warning("Executions interrupted by the previous daemon marked failed", metadata: ["count": "\(ids.count)"])
        for id in ids {
            guard let execution = try await store.execution(id: id) else { continue }
            publish(execution, .failed, error: message, failedNodeID: nil)
            try await retryIfAllowed(execution, immediately: true)
        }
    }

    // MARK: Claiming

    /// Claims and starts pending executions while the pool has room; returns when the pool is
    /// full or nothing claimable is left.
    func claimAvailable() async {
        while !isDraining, runs.count < configuration.maxConcurrentExecutions {
            let execution: ExecutionRecord?
            do {
                execution = try await store.claimNextExecution(node: configuration.node, excludingPipelines: saturated)
            } catch {
                logger.error("Could not claim from the execution queue", metadata: ["error": "\(error)"])
                return
            }
            guard let execution else { return }
            start(execution)
        }
    }

    /// When a retry waiting for its backoff becomes claimable (nil when none waits).
    func nextDeferredStart() async -> Date? {
        do {
            return try await store.nextDeferredExecution()
        } catch {
            logger.error("Could not read the execution queue", metadata: ["error": "\(error)"])
            return nil
        }
    }

    private func start(_ execution: ExecutionRecord) {
        publish(execution, .running, at: execution.startedAt ?? clock.now)
        runsPerPipeline[execution.pipelineID, default: 0] += 1
        // Its run limit is known once `perform` has loaded the pipeline; until then hold it back.
        saturated.insert(execution.pipelineID)
        let task = Task { await self.perform(execution) }
        runs[execution.id] = Run(pipelineID: execution.pipelineID, task: task)
    }

    // MARK: Running

    private func perform(_ execution: ExecutionRecord) async {
        let pipeline: PipelineRecord?
        do {
            pipeline = try await store.pipeline(id: execution.pipelineID)
        } catch {
            await finish(execution, .failed(nodeID: nil, message: "could not load the pipeline: \(error)"), policy: nil)
            return
        }
        guard let pipeline else {
            await finish(execution, .failed(nodeID: nil, message: "the pipeline no longer exists"), policy: nil)
            return
        }
        let policy = EffectivePolicy(pipeline.policy, defaults: configuration.defaults)
        updateSaturation(of: pipeline.id, limit: policy.overlap.runLimit)
        wakeUp.ring()
        let ending: RunEnding
        do {
            let nodeState = try await store.nodeState(pipelineID: pipeline.id)
            let request = try ExecutionRequestBuilder.request(
                for: execution, of: pipeline, nodeState: nodeState, timeout: policy.timeout)
            ending = await run(request, timeout: policy.timeout, executionID: execution.id)
        } catch let error as ExecutionRequestError {
            ending = .failed(nodeID: nil, message: error.message)
        } catch {
            ending = .failed(nodeID: nil, message: "could not load the pipeline's saved node state: \(error)")
        }
        await finish(execution, ending, policy: policy)
    }

    /// Runs the request, stopping it at its timeout; maps how it ended.
    private func run(_ request: ExecutionRequest, timeout: Duration?, executionID: UUID) async -> RunEnding {
        if let reason = runs[executionID]?.cancelReason { return .cancelled(reason: reason) }
        let (runner, events, clock) = (runner, events, clock)
        let deadline = timeout.map { clock.now.adding($0) }
        let call = Task { try await Self.call(runner, request, events: events, deadline: deadline, clock: clock) }
        runs[executionID]?.call = call
        do {
            return .succeeded(try await call.value)
        } catch let error as PipelineRunError {
            return .failed(nodeID: error.nodeID, message: error.message)
        } catch is RunTimedOut {
            return .failed(nodeID: nil, message: "timed out after \(timeout.map { "\($0.components.seconds)" } ?? "?") s")
        } catch {
            if let reason = runs[executionID]?.cancelReason { return .cancelled(reason: reason) }
            if error is CancellationError { return .cancelled(reason: "cancelled") }
            return .failed(nodeID: nil, message: "\(error)")
        }
    }

    /// The runner's call, raced against the deadline: whichever ends first cancels the other.
    private static func call(
        _ runner: any PipelineRunner, _ request: ExecutionRequest, events: ExecutionEvents, deadline: Date?,
        clock: any SchedulerClock
    ) async throws -> ExecutionOutcome {
        try await withThrowingTaskGroup(of: ExecutionOutcome.self) { group in
            group.addTask { try await runner.run(request, events: events) }
            if let deadline {
                group.addTask {
                    try await clock.sleep(until: deadline)
                    throw RunTimedOut()
                }
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }

    private func finish(_ execution: ExecutionRecord, _ ending: RunEnding, policy: EffectivePolicy?) async {
        // A stop requested while the run was ending still wins over a failure it caused.
        var ending = ending
        if case .failed = ending, let reason = runs[execution.id]?.cancelReason { ending = .cancelled(reason: reason) }
        do {
            let finished = try await store.finishExecution(id: execution.id, ending.completion)
            metrics.recordFinished(finished.status, seconds: finished.durationSeconds)
            publish(finished, finished.status, error: finished.errorMessage, failedNodeID: finished.failedNodeID)
            if case .failed = ending, let policy { try await retryIfAllowed(finished, rule: policy.retry) }
        } catch {
            logger.error("Could not record the end of an execution", metadata: ["execution_id": "\(execution.id)", "error": "\(error)"])
        }
        release(execution)
    }

    private func release(_ execution: ExecutionRecord) {
        runs[execution.id] = nil
        let remaining = (runsPerPipeline[execution.pipelineID] ?? 1) - 1
        runsPerPipeline[execution.pipelineID] = remaining > 0 ? remaining : nil
        // One run fewer: the pipeline is below any limit it was at.
        saturated.remove(execution.pipelineID)
        wakeUp.ring()
        runEnded.ring()
    }

    private func updateSaturation(of pipelineID: UUID, limit: Int?) {
        if let limit, runsPerPipeline[pipelineID, default: 0] >= limit {
            saturated.insert(pipelineID)
        } else {
            saturated.remove(pipelineID)
        }
    }

    // MARK: Retries

    private func retryIfAllowed(_ failed: ExecutionRecord, immediately: Bool = false) async throws(StoreError) {
        guard let pipeline = try await store.pipeline(id: failed.pipelineID) else { return }
        try await retryIfAllowed(
            failed, rule: EffectivePolicy(pipeline.policy, defaults: configuration.defaults).retry, immediately: immediately)
    }

    /// Queues attempt `n+1` as a new `retry` execution when the rule allows it.
    private func retryIfAllowed(_ failed: ExecutionRecord, rule: RetryRule, immediately: Bool = false) async throws(StoreError) {
        guard rule.retries(afterAttempt: failed.attempt) else { return }
        let delay = immediately ? .zero : rule.delay(afterAttempt: failed.attempt, random: random())
        let notBefore = clock.now.adding(delay)
        let result = try await store.insertExecution(
            NewExecution(
                pipelineID: failed.pipelineID, triggerType: .retry, params: failed.params, attempt: failed.attempt + 1,
                retryOf: failed.id, triggeredBy: failed.triggeredBy, notBefore: delay == .zero ? nil : notBefore))
        guard case .inserted(let retry) = result else { return }
        let seconds = delay.components.seconds
        log(failed, .info, "retry \(failed.attempt) of \(rule.maxRetries) queued as \(retry.id.uuidString.lowercased()), starting in \(seconds) s")
        publish(retry, .pending, at: retry.queuedAt)
        wakeUp.ring()
    }

    // MARK: Cancelling

    /// Cancels a pending execution at once, or asks a running one to stop (it then ends as
    /// `cancelled` with `reason`).
    @discardableResult
    public func cancel(executionID: UUID, reason: String = "cancelled by request") async -> CancelOutcome {
        if var run = runs[executionID] {
            run.cancelReason = run.cancelReason ?? reason
            runs[executionID] = run
            run.call?.cancel()
            return .cancelling
        }
        do {
            guard let execution = try await store.execution(id: executionID) else { return .notFound }
            guard !execution.status.isFinal else { return .alreadyFinished(execution.status.rawValue) }
            if runs[executionID] != nil { return await cancel(executionID: executionID, reason: reason) }
            let finished = try await store.finishExecution(id: executionID, ExecutionCompletion(status: .cancelled, errorMessage: reason))
            metrics.recordFinished(.cancelled, seconds: nil)
            publish(finished, .cancelled, error: reason, failedNodeID: nil)
            return .cancelled
        } catch {
            // Claimed between the two reads: it is running now.
            if runs[executionID] != nil { return await cancel(executionID: executionID, reason: reason) }
            logger.error("Could not cancel an execution", metadata: ["execution_id": "\(executionID)", "error": "\(error)"])
            return .notFound
        }
    }

    // MARK: Shutdown

    /// Stops claiming, lets running executions finish for up to `grace`, then cancels the rest
    /// (recorded as `cancelled`: "cancelled by daemon shutdown") and waits for them to end.
    func drain(grace: Duration) async {
        isDraining = true
        let tasks = runs.values.map(\.task)
        guard !tasks.isEmpty else { return }
        logger.info("Waiting for running executions", metadata: ["count": "\(tasks.count)", "grace": "\(grace)"])
        let deadline = clock.now.adding(grace)
        while !runs.isEmpty, clock.now < deadline, !Task.isCancelled {
            await runEnded.wait(until: deadline, on: clock)
        }
        for id in runs.keys { await cancel(executionID: id, reason: "cancelled by daemon shutdown") }
        for task in tasks { await task.value }
    }

    // MARK: Events

    private func publish(_ execution: ExecutionRecord, _ status: ExecutionStatus, at instant: Date? = nil, error: String? = nil, failedNodeID: String?) {
        events.publish(
            .status(
                ExecutionReference(executionID: execution.id, pipelineID: execution.pipelineID),
                ExecutionEvent.Status(rawValue: status.rawValue)!, at: instant ?? execution.completedAt ?? clock.now,
                error: error, failedNodeID: failedNodeID))
    }

    private func publish(_ execution: ExecutionRecord, _ status: ExecutionStatus, at instant: Date) {
        publish(execution, status, at: instant, error: nil, failedNodeID: nil)
    }

    private func log(_ execution: ExecutionRecord, _ level: ExecutionEvent.LogLevel, _ message: String) {
        events.publish(
            .log(
                ExecutionReference(executionID: execution.id, pipelineID: execution.pipelineID),
                ExecutionEvent.LogLine(timestamp: clock.now, level: level, nodeID: nil, message: message)))
    }
}
