import API
import Foundation
import Scheduling
import Store

/// The API's view of the scheduler and executor: cancels reach the running task, pipeline edits
/// re-arm at once, and `GET /scheduler` shows the live scheduler. Until the store is open and the
/// scheduler runs, it answers from the store alone.
struct SchedulerBridge: ExecutionControl, ScheduleObserver, SchedulerIntrospection {
    let parts: DaemonParts
    /// Used before the scheduler runs.
    let fallbackControl: any ExecutionControl
    let fallbackIntrospection: any SchedulerIntrospection

    func cancel(executionID: UUID) async throws -> CancellationOutcome {
        guard let runtime = parts.runtime else { return try await fallbackControl.cancel(executionID: executionID) }
        switch await runtime.cancel(executionID: executionID) {
        case .cancelled: return .cancelled
        case .cancelling: return .cancelling
        case .alreadyFinished(let status): throw StoreError.invalidState(entity: "execution", reason: "it already finished (\(status))")
        case .notFound: throw StoreError.notFound(entity: "execution", id: executionID.uuidString.lowercased())
        }
    }

    func pipelineChanged(id: UUID) async {
        try? await parts.runtime?.pipelineChanged(id: id)
    }

    func pipelineRemoved(id: UUID) async {
        await parts.runtime?.pipelineRemoved(id: id)
    }

    func snapshot(limit: Int) async throws -> API.SchedulerSnapshot {
        guard let runtime = parts.runtime else { return try await fallbackIntrospection.snapshot(limit: limit) }
        let live = try await runtime.snapshot()
        var view = try await fallbackIntrospection.snapshot(limit: limit)
        view.state = "running"
        view.armedPipelines = live.schedules.count
        view.runningExecutions = live.running
        view.pendingExecutions = live.pending
        view.fireLag = API.SchedulerSnapshot.FireLag(live.fireLag)
        return view
    }
}

extension API.SchedulerSnapshot.FireLag {
    /// The scheduler's fire-lag summary (seconds) in the API's milliseconds.
    init(_ summary: FireLagSummary) {
        func milliseconds(_ seconds: Double?) -> Double? { seconds.map { ($0 * 1_000_000).rounded() / 1000 } }
        self.init(
            samples: summary.samples, total: summary.total, p50Milliseconds: milliseconds(summary.p50),
            p90Milliseconds: milliseconds(summary.p90), p99Milliseconds: milliseconds(summary.p99),
            maxMilliseconds: milliseconds(summary.max))
    }
}
