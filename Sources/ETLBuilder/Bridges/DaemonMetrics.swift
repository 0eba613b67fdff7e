import API
import Prometheus
import Scheduling

/// The daemon's Prometheus registry. The scheduler and the executor record their counters and
/// histograms into it through ``factory``; `GET /metrics` renders it after setting the gauges
/// from the live scheduler's snapshot, so the gauges are never stale.
struct DaemonMetrics: MetricsExposition {
    let registry: PrometheusCollectorRegistry
    /// Handed to the scheduling runtime (``SchedulingConfiguration/metricsFactory``).
    let factory: PrometheusMetricsFactory
    private let parts: DaemonParts
    private let armed: Gauge
    private let running: Gauge
    private let pending: Gauge
    private let workers: Gauge

    init(parts: DaemonParts) {
        self.parts = parts
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Fire lag is normally well under a millisecond: resolve that range too.
        factory.durationHistogramBuckets[SchedulingMetricNames.fireLag] = [
            .microseconds(250), .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(50),
            .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(30),
        ]
        factory.durationHistogramBuckets[SchedulingMetricNames.executionDuration] = [
            .seconds(1), .seconds(5), .seconds(30), .seconds(60), .seconds(300), .seconds(900), .seconds(3600),
            .seconds(4 * 3600),
        ]
        self.registry = registry
        self.factory = factory
        func gauge(_ subsystem: String, _ name: String, _ unit: String, _ help: String) -> Gauge {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(
                    namespace: "etl_builder", subsystem: subsystem, metricName: name, unitName: unit, helpText: help))
        }
        armed = gauge("scheduler", "armed", "schedules", "Pipelines armed: active, scheduled and with a schedule.")
        running = gauge("executions", "running", "", "Executions running in this daemon.")
        pending = gauge("executions", "pending", "", "Executions waiting in the queue, retries waiting for their backoff included.")
        workers = gauge("executor", "workers", "", "Size of the executor's worker pool.")
    }

    func exposition() async -> String {
        if let runtime = parts.runtime, let snapshot = try? await runtime.snapshot() {
            armed.set(to: Double(snapshot.schedules.count))
            running.set(to: Double(snapshot.running))
            pending.set(to: Double(snapshot.pending))
            workers.set(to: Double(snapshot.maxConcurrentExecutions))
        }
        return registry.emitToString()
    }
}
