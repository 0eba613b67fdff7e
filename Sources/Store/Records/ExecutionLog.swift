#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Severity of an execution log line (the API's spelling).
public enum LogLevel: String, Sendable, Codable, CaseIterable {
    case debug = "DEBUG"
    case info = "INFO"
    case warning = "WARNING"
    case error = "ERROR"
}

/// One stored log line of an execution. `seq` orders the lines of one execution (1, 2, …).
public struct ExecutionLogRecord: Sendable, Hashable, Codable {
    public var executionID: UUID
    public var seq: Int64
    public var timestamp: Date
    public var level: LogLevel
    public var nodeID: String?
    public var message: String
    /// JSON text (`{}` when there is none).
    public var metadata: String

    public init(
        executionID: UUID, seq: Int64, timestamp: Date, level: LogLevel, nodeID: String?, message: String,
        metadata: String
    ) {
        self.executionID = executionID
        self.seq = seq
        self.timestamp = timestamp
        self.level = level
        self.nodeID = nodeID
        self.message = message
        self.metadata = metadata
    }
}

/// A log line to append; the store assigns `seq`.
public struct NewExecutionLog: Sendable, Hashable {
    public var timestamp: Date
    public var level: LogLevel
    public var nodeID: String?
    public var message: String
    public var metadata: String

    public init(timestamp: Date, level: LogLevel, nodeID: String? = nil, message: String, metadata: String = "{}") {
        self.timestamp = timestamp
        self.level = level
        self.nodeID = nodeID
        self.message = message
        self.metadata = metadata
    }
}

/// Filters of `GET /executions/{id}/logs`.
public struct ExecutionLogFilter: Sendable, Hashable {
    public var level: LogLevel?
    public var nodeID: String?

    public init(level: LogLevel? = nil, nodeID: String? = nil) {
        self.level = level
        self.nodeID = nodeID
    }
}

/// Per-node metrics of an execution (`GET /executions/{id}/metrics`), one row per node.
public struct NodeMetricsRecord: Sendable, Hashable, Codable {
    public var executionID: UUID
    public var nodeID: String
    public var rowsInput: Int64
    public var rowsOutput: Int64
    public var rowsFiltered: Int64
    public var durationSeconds: Double
    public var memoryPeakMB: Double?
    public var cpuPercent: Double?

    public init(
        executionID: UUID, nodeID: String, rowsInput: Int64 = 0, rowsOutput: Int64 = 0, rowsFiltered: Int64 = 0,
        durationSeconds: Double = 0, memoryPeakMB: Double? = nil, cpuPercent: Double? = nil
    ) {
        self.executionID = executionID
        self.nodeID = nodeID
        self.rowsInput = rowsInput
        self.rowsOutput = rowsOutput
        self.rowsFiltered = rowsFiltered
        self.durationSeconds = durationSeconds
        self.memoryPeakMB = memoryPeakMB
        self.cpuPercent = cpuPercent
    }
}
