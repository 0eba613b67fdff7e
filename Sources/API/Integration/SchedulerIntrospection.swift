#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Store

/// Reports the scheduler's state. The scheduler (issue 4) implements it from its timer wheel.
public protocol SchedulerIntrospection: Sendable {
    /// The current state, with at most `limit` upcoming runs.
    func snapshot(limit: Int) async throws -> SchedulerSnapshot
}

/// The introspection while no scheduler runs in this process: state `unavailable`, and what the
/// store says — the armed pipelines, their next slots computed by the cron engine, the queue.
public struct StoreSchedulerIntrospection: SchedulerIntrospection {
    let store: any MetadataStore
    let fireTimes: FireTimeCalculator

    /// An introspection reading `store`.
    public init(store: any MetadataStore, defaultTimeZone: String) {
        self.store = store
        self.fireTimes = FireTimeCalculator(defaultTimeZone: defaultTimeZone)
    }

    /// The armed pipelines, their next slots and the queue, with state `unavailable`.
    public func snapshot(limit: Int) async throws -> SchedulerSnapshot {
        let armed = try await store.armedPipelines()
        let now = Date()
        let upcoming = armed.compactMap { pipeline -> SchedulerSnapshot.UpcomingRun? in
            guard let next = try? fireTimes.next(for: pipeline, after: now, count: 1).first else { return nil }
            return .init(pipelineID: pipeline.id, pipelineName: pipeline.name, fireAt: next)
        }
        let counts = try await store.countExecutionsByStatus(pipelineID: nil)
        return SchedulerSnapshot(
            state: "unavailable", armedPipelines: armed.count,
            upcoming: Array(upcoming.sorted { $0.fireAt < $1.fireAt }.prefix(limit)),
            pendingExecutions: counts[.pending] ?? 0, runningExecutions: counts[.running] ?? 0)
    }
}
