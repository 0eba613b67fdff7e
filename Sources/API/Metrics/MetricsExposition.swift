/// The text `GET /metrics` serves, in the Prometheus exposition format (version 0.0.4). The
/// daemon implements it over its metrics registry, refreshing the gauges of the live scheduler
/// first.
public protocol MetricsExposition: Sendable {
    /// The current metrics, one sample per line.
    func exposition() async -> String
}

/// The exposition while nothing in this process records metrics: an empty document, which
/// Prometheus accepts as "no samples".
public struct EmptyMetricsExposition: MetricsExposition {
    /// An exposition with no samples.
    public init() {}
    /// The empty document.
    public func exposition() async -> String { "" }
}
