import Foundation

/// What `GET /api/v1/scheduler` and the Prometheus metrics show: the armed schedules with their
/// next fires, the queue, and how late timers fired.
public struct SchedulerSnapshot: Sendable, Hashable {
    /// One armed pipeline.
    public struct Schedule: Sendable, Hashable {
        public var pipelineID: UUID
        /// The cron expression as stored.
        public var expression: String
        /// The IANA zone it is computed in.
        public var timeZone: String
        /// The next slot's nominal time (the next execution's `scheduled_for`).
        public var nextSlot: Date
        /// When that slot fires: the slot plus the pipeline's fixed jitter.
        public var nextFire: Date
        /// The pipeline's fixed jitter in seconds.
        public var jitterSeconds: Int
    }

    /// Armed schedules, soonest first.
    public var schedules: [Schedule]
    /// Executions running in this daemon now.
    public var running: Int
    /// Executions waiting in the queue (retries waiting for their backoff included).
    public var pending: Int
    /// The executor's pool size.
    public var maxConcurrentExecutions: Int
    /// Slots fired since start: enqueued, already taken, skipped by the overlap policy.
    public var slotsEnqueued: Int
    public var slotsTaken: Int
    public var slotsSkipped: Int
    /// How late timers fired after their due instant (seconds).
    public var fireLag: FireLagSummary
}

/// Percentiles of the recent fire lags, in seconds (nil before the first fire).
public struct FireLagSummary: Sendable, Hashable {
    /// Fires the percentiles are computed over (the most recent ones).
    public var samples: Int
    /// Fires since start.
    public var total: Int
    public var p50: Double?
    public var p90: Double?
    public var p99: Double?
    public var max: Double?
}
