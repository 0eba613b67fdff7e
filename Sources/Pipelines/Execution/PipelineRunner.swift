import Foundation

/// What the executor asks the pipeline engine to run.
public struct ExecutionRequest: Sendable {
    public var reference: ExecutionReference
    public var pipelineName: String
    /// The pipeline's `config` document (`nodes`, `edges`).
    public var config: JSONValue
    /// The pipeline's `default_params`.
    public var defaultParameters: [String: JSONValue]
    /// The execute request's `params`; they win over the defaults.
    public var parameters: [String: JSONValue]
    /// The slot a scheduled run fires for; nil for manual runs.
    public var scheduledFor: Date?
    /// `scheduled`, `manual`, `retry` or `api`.
    public var triggerType: String
    /// 1 for the first try, 2 for the first retry…
    public var attempt: Int
    /// Stop the run after this long; nil for no limit.
    public var timeout: Duration?
    /// Per node id, what the node saved in the pipeline's last successful run.
    public var nodeState: [String: [String: JSONValue]]

    public init(
        reference: ExecutionReference, pipelineName: String, config: JSONValue, defaultParameters: [String: JSONValue],
        parameters: [String: JSONValue], scheduledFor: Date?, triggerType: String, attempt: Int, timeout: Duration?,
        nodeState: [String: [String: JSONValue]] = [:]
    ) {
        self.reference = reference
        self.pipelineName = pipelineName
        self.config = config
        self.defaultParameters = defaultParameters
        self.parameters = parameters
        self.scheduledFor = scheduledFor
        self.triggerType = triggerType
        self.attempt = attempt
        self.timeout = timeout
        self.nodeState = nodeState
    }
}

/// The totals of a successful run.
public struct ExecutionOutcome: Sendable, Hashable {
    /// Rows written by the loaders.
    public var rowsProcessed: Int64
    /// Bytes written by the loaders.
    public var dataSizeBytes: Int64
    /// Per node id, the state its node saved for the next run (only nodes that saved any). The
    /// executor persists it with the success, never after a failure.
    public var nodeState: [String: [String: JSONValue]]

    public init(rowsProcessed: Int64, dataSizeBytes: Int64, nodeState: [String: [String: JSONValue]] = [:]) {
        self.rowsProcessed = rowsProcessed
        self.dataSizeBytes = dataSizeBytes
        self.nodeState = nodeState
    }
}

/// Why a run failed: which node, and what happened, in words for the execution's `error_message`.
public struct PipelineRunError: Error, Sendable, Hashable, CustomStringConvertible {
    public var nodeID: String?
    public var message: String

    public init(nodeID: String?, message: String) {
        self.nodeID = nodeID
        self.message = message
    }

    public var description: String { nodeID.map { "node \($0): \(message)" } ?? message }
}

/// Runs one execution of a pipeline. The executor calls it; the pipeline engine implements it.
///
/// The runner publishes progress, log lines and node metrics on `events` while it runs (never
/// status changes: the executor owns those). It returns the totals on success, throws
/// ``PipelineRunError`` on failure, and `CancellationError` when its task is cancelled.
public protocol PipelineRunner: Sendable {
    func run(_ request: ExecutionRequest, events: ExecutionEvents) async throws -> ExecutionOutcome
}
