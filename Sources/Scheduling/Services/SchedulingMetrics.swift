import CoreMetrics
import Store

/// The names the scheduler and executor record metrics under (Prometheus style, base units).
public enum SchedulingMetricNames {
    /// Histogram: how late each timer fired after its due instant.
    public static let fireLag = "etl_builder_scheduler_fire_lag_seconds"
    /// Counter by `result` (`enqueued`, `taken`, `skipped`): fired slots and what became of them.
    public static let slots = "etl_builder_scheduler_slots_total"
    /// Counter by `status` (`success`, `failed`, `cancelled`): finished executions.
    public static let executionsFinished = "etl_builder_executions_finished_total"
    /// Histogram: wall time of finished runs.
    public static let executionDuration = "etl_builder_execution_duration_seconds"
}

/// The counters and histograms the scheduler and the executor record, made by the
/// ``SchedulingConfiguration/metricsFactory`` (the daemon passes its Prometheus factory; the
/// default records nothing). Gauges of the current state (armed schedules, queue) are read from
/// ``SchedulerSnapshot`` when metrics are scraped, so they need no bookkeeping here.
struct SchedulingMetrics: Sendable {
    let fireLag: CoreMetrics.Timer
    let slotsEnqueued: Counter
    let slotsTaken: Counter
    let slotsSkipped: Counter
    private let executionDuration: CoreMetrics.Timer
    private let finished: [ExecutionStatus: Counter]

    init(factory: any MetricsFactory) {
        typealias Names = SchedulingMetricNames
        fireLag = Timer(label: Names.fireLag, dimensions: [], factory: factory)
        slotsEnqueued = Counter(label: Names.slots, dimensions: [("result", "enqueued")], factory: factory)
        slotsTaken = Counter(label: Names.slots, dimensions: [("result", "taken")], factory: factory)
        slotsSkipped = Counter(label: Names.slots, dimensions: [("result", "skipped")], factory: factory)
        executionDuration = Timer(label: Names.executionDuration, dimensions: [], factory: factory)
        finished = Dictionary(
            uniqueKeysWithValues: [ExecutionStatus.success, .failed, .cancelled].map { status in
                (status, Counter(label: Names.executionsFinished, dimensions: [("status", status.rawValue)], factory: factory))
            })
    }

    /// Counts a run that ended with `status` after `seconds` of work (nil when it never started).
    func recordFinished(_ status: ExecutionStatus, seconds: Double?) {
        finished[status]?.increment()
        if let seconds { executionDuration.recordNanoseconds(Int64(max(0, seconds) * 1e9)) }
    }
}
