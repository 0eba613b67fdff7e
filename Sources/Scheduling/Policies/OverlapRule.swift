import Store

/// What happens when a slot fires while runs of the same pipeline are still active, split into
/// the two places it acts (like robfig/cron's `SkipIfStillRunning` and `DelayIfStillRunning`
/// wrappers, composed rather than flags inside the scheduler):
/// - at fire time, a ``Gate`` decides whether the slot is enqueued;
/// - at claim time, a per-pipeline run limit makes queued executions wait.
///
/// | policy  | gate              | run limit                          |
/// |---------|-------------------|------------------------------------|
/// | allow   | none              | `max_active_runs`, else unbounded  |
/// | forbid  | skip while active | `max_active_runs`, else 1          |
/// | replace | cancel active     | `max_active_runs`, else 1          |
/// | queue   | none              | `max_active_runs`, else 1          |
///
/// The run limit also holds manual runs and catch-up runs back, so `forbid`, `replace` and
/// `queue` never run two executions of a pipeline at once unless `max_active_runs` allows it.
struct OverlapRule: Sendable, Hashable {
    /// The fire-time step.
    enum Gate: Sendable, Hashable {
        /// Enqueue every slot.
        case none
        /// Skip the slot (and log it) while a run is pending or running.
        case skipWhileActive
        /// Cancel the pending and running runs, then enqueue.
        case cancelActive
    }

    var gate: Gate
    /// Most runs of the pipeline running at once; nil = only the executor's pool bounds them.
    var runLimit: Int?

    init(policy: OverlapPolicy, maxActiveRuns: Int?) {
        let configuredLimit = maxActiveRuns.flatMap { $0 > 0 ? $0 : nil }
        switch policy {
        case .allow: (gate, runLimit) = (.none, configuredLimit)
        case .forbid: (gate, runLimit) = (.skipWhileActive, configuredLimit ?? 1)
        case .replace: (gate, runLimit) = (.cancelActive, configuredLimit ?? 1)
        case .queue: (gate, runLimit) = (.none, configuredLimit ?? 1)
        }
    }
}
