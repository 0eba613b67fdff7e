#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Pipelines
import Store

/// What happened to a cancel request.
public enum CancellationOutcome: Sendable, Hashable {
    /// The execution is now `cancelled` (it was pending, or stopped at once).
    case cancelled
    /// The execution is running; its task was asked to stop and will finish as `cancelled`.
    case cancelling
}

/// Stops executions. The executor (issue 4) implements it by cancelling the run's task.
public protocol ExecutionControl: Sendable {
    /// Cancels the pending or running execution `executionID`. Throws ``StoreError`` —
    /// `notFound`, or `invalidState` when it is already final.
    func cancel(executionID: UUID) async throws -> CancellationOutcome
}

/// The control used while no executor runs in this process: it finishes the execution as
/// `cancelled` in the store and publishes the status change, which is exactly what cancelling a
/// pending execution means (and, with no executor here, nothing is running it).
public struct StoreExecutionControl: ExecutionControl {
    let store: any MetadataStore
    let events: ExecutionEvents

    /// A control writing to `store` and publishing on `events`.
    public init(store: any MetadataStore, events: ExecutionEvents) {
        self.store = store
        self.events = events
    }

    /// Finishes the execution as `cancelled` and publishes the status; always ``CancellationOutcome/cancelled``.
    public func cancel(executionID: UUID) async throws -> CancellationOutcome {
        let record = try await store.finishExecution(
            id: executionID, ExecutionCompletion(status: .cancelled, errorMessage: "cancelled through the API"))
        events.publish(
            .status(
                ExecutionReference(executionID: record.id, pipelineID: record.pipelineID), .cancelled,
                at: record.completedAt ?? Date()))
        return .cancelled
    }
}
