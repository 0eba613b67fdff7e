import CoreMetrics
import Cron
import Foundation
import Logging
import Pipelines
import Store

/// What the scheduler asks of the executor: notice new queue entries, and cancel the active runs
/// a `replace` overlap policy supersedes.
protocol ExecutionControl: Sendable {
    /// New pending executions are in the queue.
    func executionsEnqueued()
    /// Cancels a pending or running execution (no-op when it is already final).
    @discardableResult
    func cancel(executionID: UUID, reason: String) async -> CancelOutcome
}

/// Arms one timer per armed pipeline on a ``TimerWheel`` and, when timers fire, enqueues the
/// slots' executions through the store, which decides that each slot runs once.
///
/// Lifecycle: ``start()`` loads the armed pipelines and fires what the misfire policies keep of
/// the slots missed while the daemon was down; then ``fireDueTimers()`` runs each time the clock
/// reaches ``nextWakeup`` (``SchedulingRuntime`` drives that loop). ``pipelineChanged(id:)`` and
/// ``pipelineRemoved(id:)`` apply API edits at once.
public actor Scheduler {
    private let store: any MetadataStore
    private let events: ExecutionEvents
    private let control: any ExecutionControl
    private let clock: any SchedulerClock
    private var defaults: SchedulingDefaults
    private let logger: Logger
    private let fireBatchSize: Int
    private let metrics: SchedulingMetrics

    private var wheel: TimerWheel<UUID>
    private var armed: [UUID: ArmedSchedule] = [:]
    private var lag = FireLagStatistics()
    /// Parsed expressions and zones by their text: thousands of pipelines share a few of each,
    /// and parsing them again for every pipeline dominated the start-up.
    private var expressions: [String: CronExpression] = [:]
    private var zones: [String: TimeZone] = [:]
    private var counters = (enqueued: 0, taken: 0, skipped: 0)
    /// Rung when a timer earlier than the loop's wake-up is armed.
    let wakeUp = Doorbell()

    init(
        store: any MetadataStore, events: ExecutionEvents, control: any ExecutionControl, clock: any SchedulerClock,
        defaults: SchedulingDefaults, fireBatchSize: Int = 500,
        metrics: SchedulingMetrics = SchedulingMetrics(factory: NOOPMetricsHandler.instance), logger: Logger
    ) {
        self.store = store
        self.events = events
        self.control = control
        self.clock = clock
        self.defaults = defaults
        self.fireBatchSize = max(1, fireBatchSize)
        self.metrics = metrics
        self.logger = logger
        wheel = TimerWheel(start: Self.second(clock.now))
    }

    // MARK: Arming

    /// Arms every armed pipeline of the store and fires the slots the misfire policies keep.
    /// Call once, before the timer loop starts.
    public func start() async throws(StoreError) {
        let now = clock.now
        wheel = TimerWheel(start: Self.second(now))
        var missed: [PendingFire] = []
        for pipeline in try await store.armedPipelines() {
            guard let schedule = arm(pipeline, now: now) else { continue }
            // Slots after the last fire (or the last edit, when later) whose fire time passed.
            let reference = max(pipeline.lastFiredSlot ?? pipeline.updatedAt, pipeline.updatedAt)
            let slots = schedule.policy.misfire.slotsToFire(
                schedule: schedule.expression, in: schedule.timeZone, missedAfter: reference,
                upTo: now.addingTimeInterval(TimeInterval(-1 - schedule.jitterSeconds)))
            for (position, slot) in slots.enumerated() {
                missed.append(PendingFire(pipelineID: pipeline.id, slot: slot, due: now, firedAt: now, isCatchUp: position > 0))
            }
        }
        logger.info("Scheduler armed", metadata: ["pipelines": "\(armed.count)", "missed_slots_to_run": "\(missed.count)"])
        await fire(missed)
    }

    /// New fallbacks for the pipelines' time zone and policies (a configuration reload): every
    /// armed pipeline is re-armed with them at once.
    public func updateDefaults(_ defaults: SchedulingDefaults) async {
        self.defaults = defaults
        for id in Array(armed.keys) {
            do {
                try await pipelineChanged(id: id)
            } catch {
                logger.error("Could not re-arm a pipeline with the new defaults", metadata: ["pipeline_id": "\(id)", "error": "\(error)"])
            }
        }
    }

    /// Re-reads a pipeline after the API created, edited, paused, resumed or archived it, and
    /// arms, re-arms or disarms its timer at once. Slots missed while it was not armed are not run.
    public func pipelineChanged(id: UUID) async throws(StoreError) {
        guard let pipeline = try await store.pipeline(id: id), pipeline.isArmed else {
            disarm(id)
            return
        }
        arm(pipeline, now: clock.now)
    }

    /// Disarms a deleted pipeline.
    public func pipelineRemoved(id: UUID) {
        disarm(id)
    }

    /// Re-reads every pipeline (after a configuration reload, or edits made outside the API).
    public func reload() async throws(StoreError) {
        let pipelines = try await store.armedPipelines()
        let ids = Set(pipelines.map(\.id))
        for id in armed.keys where !ids.contains(id) { disarm(id) }
        let now = clock.now
        for pipeline in pipelines { arm(pipeline, now: now) }
    }

    /// Arms (or re-arms) the pipeline's timer for its first slot firing at or after `now`, unless
    /// that slot already fired; returns the schedule, nil when it cannot be armed.
    @discardableResult
    private func arm(_ pipeline: PipelineRecord, now: Date) -> ArmedSchedule? {
        disarm(pipeline.id)
        guard let text = pipeline.schedule else { return nil }
        let zoneName = pipeline.scheduleTimezone ?? defaults.timeZone.identifier
        let expression: CronExpression
        if let parsed = expressions[text] {
            expression = parsed
        } else {
            do {
                expression = try CronExpression(text)
            } catch {
                logger.error(
                    "Pipeline not armed", metadata: ["error": "\(SchedulingError.invalidSchedule(pipelineID: pipeline.id, expression: text, reason: error.message))"])
                return nil
            }
            expressions[text] = expression
        }
        guard let zone = zones[zoneName] ?? TimeZone(identifier: zoneName) else {
            logger.error("Pipeline not armed", metadata: ["error": "\(SchedulingError.unknownTimeZone(pipelineID: pipeline.id, identifier: zoneName))"])
            return nil
        }
        zones[zoneName] = zone
        var schedule = ArmedSchedule(
            pipelineID: pipeline.id, expressionText: text, expression: expression, timeZone: zone,
            policy: EffectivePolicy(pipeline.policy, defaults: defaults), slot: now,
            timer: TimerHandle(index: -1, generation: 0))
        let earliest = pipeline.lastFiredSlot.map { max(schedule.fireTime(of: $0).addingTimeInterval(1), now) } ?? now
        guard let slot = schedule.firstSlot(firingAtOrAfter: earliest) else {
            logger.info("Pipeline has no future slot", metadata: ["pipeline_id": "\(pipeline.id)"])
            return nil
        }
        schedule.slot = slot
        schedule.timer = self.schedule(pipeline.id, at: schedule.fireTime(of: slot))
        armed[pipeline.id] = schedule
        return schedule
    }

    private func schedule(_ pipelineID: UUID, at fireTime: Date) -> TimerHandle {
        let wasNext = wheel.nextWakeup
        let handle = wheel.schedule(pipelineID, at: Self.second(fireTime))
        if wheel.nextWakeup != wasNext { wakeUp.ring() }
        return handle
    }

    private func disarm(_ id: UUID) {
        guard let schedule = armed.removeValue(forKey: id) else { return }
        wheel.cancel(schedule.timer)
    }

    // MARK: Firing

    /// When the next timer is due (or a coarse slot must cascade); nil when nothing is armed.
    public var nextWakeup: Date? { wheel.nextWakeup.map { Date(timeIntervalSince1970: TimeInterval($0)) } }

    /// Fires every timer due by now and re-arms each pipeline for its next slot.
    public func fireDueTimers() async {
        let now = clock.now
        let due = wheel.advance(to: Self.second(now))
        guard !due.isEmpty else { return }
        var fires: [PendingFire] = []
        fires.reserveCapacity(due.count)
        for (pipelineID, deadline) in due {
            guard var schedule = armed[pipelineID] else { continue }
            fires.append(
                PendingFire(
                    pipelineID: pipelineID, slot: schedule.slot,
                    due: Date(timeIntervalSince1970: TimeInterval(deadline)), firedAt: now, isCatchUp: false))
            if let next = schedule.expression.next(after: schedule.slot, in: schedule.timeZone) {
                schedule.slot = next
                schedule.timer = self.schedule(pipelineID, at: schedule.fireTime(of: next))
                armed[pipelineID] = schedule
            } else {
                armed[pipelineID] = nil
            }
        }
        await fire(fires)
    }

    /// A slot to enqueue now.
    private struct PendingFire {
        var pipelineID: UUID
        var slot: Date
        /// When its timer was due (slot + jitter), for the lag statistics.
        var due: Date
        /// When the scheduler took it off the wheel: the execution's `fired_at`. Writing a large
        /// batch takes a while; that is enqueue latency (`queued_at`), not firing late.
        var firedAt: Date
        /// A second or later slot of one catch-up: not held back by its own predecessors.
        var isCatchUp: Bool
    }

    private func fire(_ fires: [PendingFire]) async {
        var start = 0
        while start < fires.count {
            let batch = fires[start..<min(start + fireBatchSize, fires.count)]
            await fireBatch(Array(batch))
            start += fireBatchSize
        }
    }

    private func fireBatch(_ batch: [PendingFire]) async {
        var slotFires: [SlotFire] = []
        slotFires.reserveCapacity(batch.count)
        for fire in batch {
            let gate = armed[fire.pipelineID]?.policy.overlap.gate ?? .none
            if gate == .cancelActive && !fire.isCatchUp { await cancelActiveRuns(of: fire.pipelineID) }
            let lagSeconds = max(0, fire.firedAt.timeIntervalSince(fire.due))
            lag.record(lagSeconds)
            metrics.fireLag.recordNanoseconds(Int64(lagSeconds * 1e9))
            slotFires.append(
                SlotFire(
                    pipelineID: fire.pipelineID, slot: fire.slot, firedAt: fire.firedAt,
                    skipIfActive: gate == .skipWhileActive && !fire.isCatchUp))
        }
        let results: [SlotFireResult]
        do {
            results = try await store.fireSlots(slotFires)
        } catch {
            // Nothing of the batch was written: the slots fire again shortly, and the unique
            // slot constraint keeps that exactly once should the write have landed after all.
            logger.error("Could not enqueue fired slots; retrying in 5 s", metadata: ["error": "\(error)", "slots": "\(batch.count)"])
            let retryAt = clock.now.addingTimeInterval(5)
            for fire in batch where armed[fire.pipelineID] != nil {
                retry(fire, at: retryAt)
            }
            return
        }
        var enqueued = false
        for (fire, result) in zip(slotFires, results) {
            switch result {
            case .inserted(let execution):
                counters.enqueued += 1
                metrics.slotsEnqueued.increment()
                enqueued = true
                events.publish(
                    .status(
                        ExecutionReference(executionID: execution.id, pipelineID: execution.pipelineID), .pending,
                        at: fire.firedAt))
            case .slotTaken:
                counters.taken += 1
                metrics.slotsTaken.increment()
                logger.debug("Slot already taken", metadata: ["pipeline_id": "\(fire.pipelineID)", "slot": "\(fire.slot)"])
            case .skippedActive:
                counters.skipped += 1
                metrics.slotsSkipped.increment()
                logger.info(
                    "Slot skipped: the previous run is still active (overlap policy forbid)",
                    metadata: ["pipeline_id": "\(fire.pipelineID)", "slot": "\(fire.slot)"])
            case .pipelineMissing:
                disarm(fire.pipelineID)
            }
        }
        if enqueued { control.executionsEnqueued() }
    }

    /// Fires a slot whose write failed again at `instant`, keeping the pipeline's later slots.
    private func retry(_ fire: PendingFire, at instant: Date) {
        guard var schedule = armed[fire.pipelineID], schedule.slot > fire.slot else { return }
        wheel.cancel(schedule.timer)
        schedule.slot = fire.slot
        schedule.timer = self.schedule(fire.pipelineID, at: instant)
        armed[fire.pipelineID] = schedule
    }

    private func cancelActiveRuns(of pipelineID: UUID) async {
        do {
            for execution in try await store.activeExecutions(pipelineID: pipelineID) {
                await control.cancel(executionID: execution.id, reason: "replaced by a newer run (overlap policy replace)")
            }
        } catch {
            logger.error("Could not list active runs to replace", metadata: ["pipeline_id": "\(pipelineID)", "error": "\(error)"])
        }
    }

    // MARK: Observing

    /// The armed schedules and fire statistics (queue counts are filled in by ``SchedulingRuntime``).
    func snapshot() -> SchedulerSnapshot {
        let schedules = armed.values.map { schedule in
            SchedulerSnapshot.Schedule(
                pipelineID: schedule.pipelineID, expression: schedule.expressionText, timeZone: schedule.timeZone.identifier,
                nextSlot: schedule.slot, nextFire: schedule.fireTime(of: schedule.slot), jitterSeconds: schedule.jitterSeconds)
        }.sorted { $0.nextFire != $1.nextFire ? $0.nextFire < $1.nextFire : Self.precedes($0.pipelineID, $1.pipelineID) }
        return SchedulerSnapshot(
            schedules: schedules, running: 0, pending: 0, maxConcurrentExecutions: 0, slotsEnqueued: counters.enqueued,
            slotsTaken: counters.taken, slotsSkipped: counters.skipped, fireLag: lag.summary)
    }

    /// The number of armed pipelines.
    var armedCount: Int { armed.count }

    /// A total order on ids by their bytes (ties of the next fire; no string is made).
    private static func precedes(_ a: UUID, _ b: UUID) -> Bool {
        withUnsafeBytes(of: a.uuid) { left in withUnsafeBytes(of: b.uuid) { right in left.lexicographicallyPrecedes(right) } }
    }

    /// Whole seconds of `date` (the wheel's resolution), rounded down.
    static func second(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}
