/// What ``Executor/cancel(executionID:reason:)`` did (the API's cancel route answers with it).
public enum CancelOutcome: Sendable, Hashable {
    /// A pending execution was cancelled.
    case cancelled
    /// A running execution was asked to stop; it ends as `cancelled` when its run returns.
    case cancelling
    /// The execution had already ended with this status (`success`, `failed` or `cancelled`).
    case alreadyFinished(String)
    /// No such execution.
    case notFound
}
