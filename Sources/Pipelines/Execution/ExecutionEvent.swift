import Foundation

/// Which execution an event belongs to.
public struct ExecutionReference: Sendable, Hashable {
    public var executionID: UUID
    public var pipelineID: UUID

    public init(executionID: UUID, pipelineID: UUID) {
        self.executionID = executionID
        self.pipelineID = pipelineID
    }
}

/// Everything that happens to an execution, published once on ``ExecutionEvents`` and read by
/// every subscriber: the store (status, logs, metrics), the journal and WebSocket clients.
public enum ExecutionEvent: Sendable, Hashable {
    /// The lifecycle states of an execution, as stored and as the API shows them.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case pending, running, success, failed, cancelled

        /// Whether the execution is over.
        public var isFinal: Bool { self == .success || self == .failed || self == .cancelled }
    }

    /// The levels of the API document's log entries.
    public enum LogLevel: String, Sendable, Hashable, Codable, CaseIterable {
        case debug = "DEBUG", info = "INFO", warning = "WARNING", error = "ERROR"
    }

    /// One log line of an execution.
    public struct LogLine: Sendable, Hashable {
        public var timestamp: Date
        public var level: LogLevel
        public var nodeID: String?
        public var message: String
        public var metadata: [String: JSONValue]

        public init(timestamp: Date, level: LogLevel, nodeID: String?, message: String, metadata: [String: JSONValue] = [:]) {
            self.timestamp = timestamp
            self.level = level
            self.nodeID = nodeID
            self.message = message
            self.metadata = metadata
        }
    }

    /// Measured figures of one node, as `GET /executions/{id}/metrics` returns them.
    public struct NodeMetrics: Sendable, Hashable {
        public var nodeID: String
        public var rowsInput: Int64
        public var rowsOutput: Int64
        public var rowsFiltered: Int64
        public var durationSeconds: Double
        public var memoryPeakMB: Double
        public var cpuPercent: Double

        public init(
            nodeID: String, rowsInput: Int64, rowsOutput: Int64, rowsFiltered: Int64, durationSeconds: Double,
            memoryPeakMB: Double, cpuPercent: Double
        ) {
            self.nodeID = nodeID
            self.rowsInput = rowsInput
            self.rowsOutput = rowsOutput
            self.rowsFiltered = rowsFiltered
            self.durationSeconds = durationSeconds
            self.memoryPeakMB = memoryPeakMB
            self.cpuPercent = cpuPercent
        }
    }

    /// A status change; `error` and `failedNodeID` are set when the status is `failed`.
    case status(ExecutionReference, Status, at: Date, error: String? = nil, failedNodeID: String? = nil)
    /// Overall progress 0–100 and the node being worked on.
    case progress(ExecutionReference, percent: Int, currentNodeID: String?)
    case log(ExecutionReference, LogLine)
    case nodeMetrics(ExecutionReference, NodeMetrics)

    /// The execution the event is about.
    public var reference: ExecutionReference {
        switch self {
        case .status(let reference, _, _, _, _), .progress(let reference, _, _), .log(let reference, _),
            .nodeMetrics(let reference, _):
            reference
        }
    }
}
