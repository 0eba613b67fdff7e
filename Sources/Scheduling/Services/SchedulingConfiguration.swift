import CoreMetrics
import Foundation

/// Everything the scheduler and the executor are configured with (`scheduler.*` settings).
/// A liveness signal the timer loop gives on every turn (systemd's watchdog): if the scheduler
/// hangs, the beats stop and the service manager restarts the daemon.
public struct SchedulerHeartbeat: Sendable {
    /// The longest the timer loop may go without beating.
    public var interval: Duration
    public var beat: @Sendable () async -> Void

    public init(interval: Duration, beat: @escaping @Sendable () async -> Void) {
        self.interval = interval
        self.beat = beat
    }
}

public struct SchedulingConfiguration: Sendable {
    /// Fallbacks of the per-pipeline policy fields.
    public var defaults: SchedulingDefaults
    /// Size of the executor's worker pool (`scheduler.max_concurrent_executions`).
    public var maxConcurrentExecutions: Int
    /// How long a graceful shutdown lets running executions finish before cancelling them.
    public var shutdownGrace: Duration
    /// This daemon's name in `executions.claimed_by`.
    public var node: String
    /// The executor looks at the queue at least this often, for executions enqueued by other
    /// processes (the API calls ``SchedulingRuntime/executionsEnqueued()`` for its own); nil = only when woken.
    public var queuePollInterval: Duration?
    /// The timer loop wakes at least this often, so a step of the wall clock is noticed.
    public var maximumIdleSleep: Duration
    /// Fired slots written to the store per transaction.
    public var fireBatchSize: Int
    /// Beaten by the timer loop on every turn; its interval also caps the loop's sleep.
    public var heartbeat: SchedulerHeartbeat?
    /// Called once every armed pipeline has its timer, with their number.
    public var onArmed: (@Sendable (Int) async -> Void)?
    /// Makes the fire-lag histogram and the slot and execution counters (the daemon passes its
    /// Prometheus factory); by default nothing is recorded.
    public var metricsFactory: any MetricsFactory

    public init(
        defaults: SchedulingDefaults, maxConcurrentExecutions: Int = 4, shutdownGrace: Duration = .seconds(30),
        node: String = "local", queuePollInterval: Duration? = .seconds(2), maximumIdleSleep: Duration = .seconds(60),
        fireBatchSize: Int = 500, heartbeat: SchedulerHeartbeat? = nil, onArmed: (@Sendable (Int) async -> Void)? = nil,
        metricsFactory: any MetricsFactory = NOOPMetricsHandler.instance
    ) {
        self.defaults = defaults
        self.maxConcurrentExecutions = max(1, maxConcurrentExecutions)
        self.shutdownGrace = shutdownGrace
        self.node = node
        self.queuePollInterval = queuePollInterval
        self.maximumIdleSleep = maximumIdleSleep
        self.fireBatchSize = fireBatchSize
        self.heartbeat = heartbeat
        self.onArmed = onArmed
        self.metricsFactory = metricsFactory
    }
}

extension Date {
    func adding(_ duration: Duration) -> Date {
        let (seconds, attoseconds) = duration.components
        return addingTimeInterval(TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
    }
}
