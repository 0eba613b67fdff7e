#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Pipelines
import Store

/// An execution as the API shows it: the fields of the document's `GET /executions` rows and,
/// alone (`GET /executions/{id}`), its parameters, slot, attempt and failure.
struct ExecutionPayload: Encodable, Sendable {
    let record: ExecutionRecord
    let pipelineName: String
    let detailed: Bool

    enum CodingKeys: String, CodingKey {
        case id, status, params, attempt
        case pipelineID = "pipeline_id"
        case pipelineName = "pipeline_name"
        case triggerType = "trigger_type"
        case startedAt = "started_at"
        case completedAt = "completed_at"
        case durationSeconds = "duration_seconds"
        case rowsProcessed = "rows_processed"
        case dataSizeBytes = "data_size_bytes"
        case queuedAt = "queued_at"
        case scheduledFor = "scheduled_for"
        case errorMessage = "error_message"
        case failedNodeID = "failed_node_id"
        case triggeredBy = "triggered_by"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id.apiString, forKey: .id)
        try container.encode(record.pipelineID.apiString, forKey: .pipelineID)
        try container.encode(pipelineName, forKey: .pipelineName)
        try container.encode(record.status, forKey: .status)
        try container.encode(record.triggerType, forKey: .triggerType)
        try container.encode(record.startedAt, forKey: .startedAt)
        try container.encode(record.completedAt, forKey: .completedAt)
        try container.encode(record.durationSeconds, forKey: .durationSeconds)
        try container.encode(record.rowsProcessed, forKey: .rowsProcessed)
        try container.encode(record.dataSizeBytes, forKey: .dataSizeBytes)
        guard detailed else { return }
        try container.encode(JSONText.value(record.params), forKey: .params)
        try container.encode(record.attempt, forKey: .attempt)
        try container.encode(record.queuedAt, forKey: .queuedAt)
        try container.encode(record.scheduledFor, forKey: .scheduledFor)
        try container.encode(record.errorMessage, forKey: .errorMessage)
        try container.encode(record.failedNodeID, forKey: .failedNodeID)
        try container.encode(record.triggeredBy?.apiString, forKey: .triggeredBy)
    }
}

/// The answer of `POST /pipelines/{id}/execute`: `{execution_id, pipeline_id, status: "pending", started_at}`.
struct ExecutionStartedPayload: Encodable, Sendable {
    var executionID: String
    var pipelineID: String
    var status: ExecutionStatus
    /// When the execution was queued (it starts when a worker claims it).
    var startedAt: Date

    enum CodingKeys: String, CodingKey {
        case status
        case executionID = "execution_id"
        case pipelineID = "pipeline_id"
        case startedAt = "started_at"
    }
}

/// The answer of `POST /executions/{id}/cancel`.
struct CancelPayload: Encodable, Sendable {
    var executionID: String
    /// `cancelled`, or `cancelling` while a running execution stops.
    var status: String
    var message: String

    enum CodingKeys: String, CodingKey {
        case status, message
        case executionID = "execution_id"
    }
}

/// One line of `GET /executions/{id}/logs`: `{timestamp, level, node_id, message, metadata}`.
struct ExecutionLogPayload: Encodable, Sendable {
    let record: ExecutionLogRecord

    enum CodingKeys: String, CodingKey {
        case timestamp, level, message, metadata
        case nodeID = "node_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.timestamp, forKey: .timestamp)
        try container.encode(record.level, forKey: .level)
        try container.encode(record.nodeID, forKey: .nodeID)
        try container.encode(record.message, forKey: .message)
        try container.encode(JSONText.value(record.metadata), forKey: .metadata)
    }
}

/// One node of `GET /executions/{id}/metrics`.
struct NodeMetricsPayload: Encodable, Sendable {
    let record: NodeMetricsRecord

    enum CodingKeys: String, CodingKey {
        case nodeID = "node_id"
        case rowsInput = "rows_input"
        case rowsOutput = "rows_output"
        case rowsFiltered = "rows_filtered"
        case durationSeconds = "duration_seconds"
        case memoryPeakMB = "memory_peak_mb"
        case cpuPercent = "cpu_percent"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.nodeID, forKey: .nodeID)
        try container.encode(record.rowsInput, forKey: .rowsInput)
        try container.encode(record.rowsOutput, forKey: .rowsOutput)
        try container.encode(record.rowsFiltered, forKey: .rowsFiltered)
        try container.encode(record.durationSeconds, forKey: .durationSeconds)
        try container.encode(record.memoryPeakMB, forKey: .memoryPeakMB)
        try container.encode(record.cpuPercent, forKey: .cpuPercent)
    }
}

/// `GET /executions/{id}/metrics`: `{"nodes": […]}`.
struct ExecutionMetricsPayload: Encodable, Sendable {
    var nodes: [NodeMetricsPayload]
}
