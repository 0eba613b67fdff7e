import Pipelines
import Store

/// `POST /pipelines`: the pipeline document and its metadata. New pipelines are `draft`.
struct PipelineCreateRequest: Decodable, Sendable {
    var name: String
    var description: String?
    var config: JSONValue
    var schedule: String?
    var scheduleTimezone: String?
    var isScheduled: Bool?
    var tags: [String]?
    var defaultParams: [String: JSONValue]?
    var policy: PipelinePolicyPayload?

    enum CodingKeys: String, CodingKey {
        case name, description, config, schedule, tags, policy
        case scheduleTimezone = "schedule_timezone"
        case isScheduled = "is_scheduled"
        case defaultParams = "default_params"
    }
}

/// `PUT /pipelines/{pipeline_id}`: every field optional; `null` clears `description`, `schedule`
/// and `schedule_timezone`; a changed `config` makes a new version.
struct PipelineUpdateRequest: Decodable, Sendable {
    var name: String?
    var description: String??
    var status: PipelineStatus?
    var config: JSONValue?
    var schedule: String??
    var scheduleTimezone: String??
    var isScheduled: Bool?
    var tags: [String]?
    var defaultParams: [String: JSONValue]?
    var policy: PipelinePolicyPayload?
    var changeNote: String?

    enum CodingKeys: String, CodingKey {
        case name, description, status, config, schedule, tags, policy
        case scheduleTimezone = "schedule_timezone"
        case isScheduled = "is_scheduled"
        case defaultParams = "default_params"
        case changeNote = "change_note"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeUnlessAbsent(String.self, forKey: .name)
        description = try container.decodeNullable(String.self, forKey: .description)
        status = try container.decodeUnlessAbsent(PipelineStatus.self, forKey: .status)
        config = try container.decodeUnlessAbsent(JSONValue.self, forKey: .config)
        schedule = try container.decodeNullable(String.self, forKey: .schedule)
        scheduleTimezone = try container.decodeNullable(String.self, forKey: .scheduleTimezone)
        isScheduled = try container.decodeUnlessAbsent(Bool.self, forKey: .isScheduled)
        tags = try container.decodeUnlessAbsent([String].self, forKey: .tags)
        defaultParams = try container.decodeUnlessAbsent([String: JSONValue].self, forKey: .defaultParams)
        policy = try container.decodeUnlessAbsent(PipelinePolicyPayload.self, forKey: .policy)
        changeNote = try container.decodeUnlessAbsent(String.self, forKey: .changeNote)
    }
}

/// `POST /pipelines/{pipeline_id}/execute`: parameters that win over the pipeline's defaults.
struct ExecuteRequest: Decodable, Sendable {
    var params: [String: JSONValue]?
}
