import Pipelines
import Store

/// How one run of an execution ended, and the final status it records.
enum RunEnding: Sendable {
    case succeeded(ExecutionOutcome)
    case failed(nodeID: String?, message: String)
    case cancelled(reason: String)

    /// The store's completion for this ending.
    var completion: ExecutionCompletion {
        switch self {
        case .succeeded(let outcome):
            ExecutionCompletion(
                status: .success, rowsProcessed: outcome.rowsProcessed, dataSizeBytes: outcome.dataSizeBytes,
                nodeState: outcome.nodeState.mapValues { JSONValue.object($0).canonicalText })
        case .failed(let nodeID, let message):
            ExecutionCompletion(status: .failed, errorMessage: message, failedNodeID: nodeID)
        case .cancelled(let reason):
            ExecutionCompletion(status: .cancelled, errorMessage: reason)
        }
    }
}

/// A run that outlived its `timeout_seconds`.
struct RunTimedOut: Error {}
