#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Pipelines
import Store

/// A pipeline as the API shows it. In lists (`GET /pipelines`) it has the fields of the API
/// document; alone (`GET /pipelines/{id}`, create, update) it adds the document itself, the
/// default parameters, the time zone and the policy.
struct PipelinePayload: Encodable, Sendable {
    let record: PipelineRecord
    let lastExecution: ExecutionRecord?
    /// Whether to include `config`, `default_params`, `schedule_timezone`, `policy`, `created_by`.
    let detailed: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, description, status, version, schedule, tags, config, policy
        case isScheduled = "is_scheduled"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case lastExecution = "last_execution"
        case defaultParams = "default_params"
        case scheduleTimezone = "schedule_timezone"
        case createdBy = "created_by"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id.apiString, forKey: .id)
        try container.encode(record.name, forKey: .name)
        try container.encode(record.description, forKey: .description)
        try container.encode(record.status, forKey: .status)
        try container.encode(record.version, forKey: .version)
        try container.encode(record.schedule, forKey: .schedule)
        try container.encode(record.isScheduled, forKey: .isScheduled)
        try container.encode(record.tags, forKey: .tags)
        try container.encode(record.createdAt, forKey: .createdAt)
        try container.encode(record.updatedAt, forKey: .updatedAt)
        try container.encode(lastExecution.map(LastExecutionPayload.init), forKey: .lastExecution)
        guard detailed else { return }
        try container.encode(JSONText.value(record.config), forKey: .config)
        try container.encode(JSONText.value(record.defaultParams), forKey: .defaultParams)
        try container.encode(record.scheduleTimezone, forKey: .scheduleTimezone)
        try container.encode(PipelinePolicyPayload(record.policy), forKey: .policy)
        try container.encode(record.createdBy?.apiString, forKey: .createdBy)
    }
}

/// The `last_execution` of a pipeline in lists: `{id, status, started_at, completed_at, rows_processed}`.
struct LastExecutionPayload: Encodable, Sendable {
    let record: ExecutionRecord

    enum CodingKeys: String, CodingKey {
        case id, status
        case startedAt = "started_at"
        case completedAt = "completed_at"
        case rowsProcessed = "rows_processed"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id.apiString, forKey: .id)
        try container.encode(record.status, forKey: .status)
        try container.encode(record.startedAt, forKey: .startedAt)
        try container.encode(record.completedAt, forKey: .completedAt)
        try container.encode(record.rowsProcessed, forKey: .rowsProcessed)
    }
}

/// `{"id", "name", "status": "draft", "message"}`: the answer of `POST /pipelines`.
struct PipelineCreatedPayload: Encodable, Sendable {
    var id: String
    var name: String
    var status: PipelineStatus
    var message: String
}

/// One entry of `GET /pipelines/{id}/versions`.
struct PipelineVersionPayload: Encodable, Sendable {
    let record: PipelineVersionRecord

    enum CodingKeys: String, CodingKey {
        case version, seq, config
        case changedBy = "changed_by"
        case changeNote = "change_note"
        case createdAt = "created_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.version, forKey: .version)
        try container.encode(record.seq, forKey: .seq)
        try container.encode(JSONText.value(record.config), forKey: .config)
        try container.encode(record.changedBy?.apiString, forKey: .changedBy)
        try container.encode(record.changeNote, forKey: .changeNote)
        try container.encode(record.createdAt, forKey: .createdAt)
    }
}

/// `GET /pipelines/{id}/schedule`: the schedule and its next fire times.
struct SchedulePayload: Encodable, Sendable {
    var pipelineID: String
    var schedule: String?
    var timezone: String
    var isScheduled: Bool
    /// Whether the scheduler arms it (active, scheduled, with a schedule).
    var armed: Bool
    var nextRuns: [Date]

    enum CodingKeys: String, CodingKey {
        case schedule, timezone, armed
        case pipelineID = "pipeline_id"
        case isScheduled = "is_scheduled"
        case nextRuns = "next_runs"
    }
}

/// The stored JSON text columns, read back as JSON values.
enum JSONText {
    /// The value of `text`; `null` if the store ever held text that is not JSON.
    static func value(_ text: String) -> JSONValue {
        (try? JSONValue(parsing: text)) ?? .null
    }

    /// The object of `text`, empty if it is not an object.
    static func object(_ text: String) -> [String: JSONValue] {
        if case .object(let object) = value(text) { return object }
        return [:]
    }
}
