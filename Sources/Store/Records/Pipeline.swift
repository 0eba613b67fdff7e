#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Lifecycle of a pipeline. Only `active` pipelines are armed by the scheduler.
public enum PipelineStatus: String, Sendable, Codable, CaseIterable {
    case draft, active, paused, archived
}

/// What the scheduler does with slots missed while the daemon was down.
public enum MisfirePolicy: String, Sendable, Codable, CaseIterable {
    case skip
    case runOnce = "run_once"
    case catchUp = "catch_up"
}

/// What the scheduler does when a slot fires while a run of the same pipeline is active.
public enum OverlapPolicy: String, Sendable, Codable, CaseIterable {
    case allow, forbid, replace, queue
}

/// Per-pipeline scheduling and retry policy. Every field is optional: `nil` means
/// "the configured default" (resolved by the scheduler, not the store).
public struct PipelinePolicy: Sendable, Hashable, Codable {
    public var misfirePolicy: MisfirePolicy?
    public var maxCatchUp: Int?
    public var overlapPolicy: OverlapPolicy?
    public var maxActiveRuns: Int?
    public var jitterSeconds: Int?
    public var maxRetries: Int?
    public var retryBackoffSeconds: Int?
    public var timeoutSeconds: Int?

    public init(
        misfirePolicy: MisfirePolicy? = nil, maxCatchUp: Int? = nil, overlapPolicy: OverlapPolicy? = nil,
        maxActiveRuns: Int? = nil, jitterSeconds: Int? = nil, maxRetries: Int? = nil,
        retryBackoffSeconds: Int? = nil, timeoutSeconds: Int? = nil
    ) {
        self.misfirePolicy = misfirePolicy
        self.maxCatchUp = maxCatchUp
        self.overlapPolicy = overlapPolicy
        self.maxActiveRuns = maxActiveRuns
        self.jitterSeconds = jitterSeconds
        self.maxRetries = maxRetries
        self.retryBackoffSeconds = retryBackoffSeconds
        self.timeoutSeconds = timeoutSeconds
    }
}

/// A stored pipeline. `config` and `defaultParams` are JSON text the store keeps verbatim.
///
/// `version` is `"1.0.0"` at creation; every update whose `config` text differs from the
/// current one bumps the minor number (`1.1.0`, `1.2.0`, …) and records a
/// ``PipelineVersionRecord``. Other edits (name, schedule, tags…) keep the version.
public struct PipelineRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var name: String
    public var description: String?
    public var status: PipelineStatus
    public var version: String
    public var config: String
    public var schedule: String?
    public var scheduleTimezone: String?
    public var isScheduled: Bool
    public var tags: [String]
    public var defaultParams: String
    public var policy: PipelinePolicy
    /// The last cron slot the scheduler fired (its nominal time, before jitter).
    public var lastFiredSlot: Date?
    public var createdBy: UUID?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, name: String, description: String?, status: PipelineStatus, version: String, config: String,
        schedule: String?, scheduleTimezone: String?, isScheduled: Bool, tags: [String], defaultParams: String,
        policy: PipelinePolicy, lastFiredSlot: Date?, createdBy: UUID?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.status = status
        self.version = version
        self.config = config
        self.schedule = schedule
        self.scheduleTimezone = scheduleTimezone
        self.isScheduled = isScheduled
        self.tags = tags
        self.defaultParams = defaultParams
        self.policy = policy
        self.lastFiredSlot = lastFiredSlot
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Armed for the scheduler: active, scheduled, with a schedule.
    public var isArmed: Bool { status == .active && isScheduled && schedule != nil }
}

/// A pipeline to create (status defaults to `draft`, version is `1.0.0`).
public struct NewPipeline: Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var description: String?
    public var status: PipelineStatus
    public var config: String
    public var schedule: String?
    public var scheduleTimezone: String?
    public var isScheduled: Bool
    public var tags: [String]
    public var defaultParams: String
    public var policy: PipelinePolicy
    public var createdBy: UUID?

    public init(
        id: UUID = UUID(), name: String, description: String? = nil, status: PipelineStatus = .draft,
        config: String, schedule: String? = nil, scheduleTimezone: String? = nil, isScheduled: Bool? = nil,
        tags: [String] = [], defaultParams: String = "{}", policy: PipelinePolicy = PipelinePolicy(),
        createdBy: UUID? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.status = status
        self.config = config
        self.schedule = schedule
        self.scheduleTimezone = scheduleTimezone
        self.isScheduled = isScheduled ?? (schedule != nil)
        self.tags = tags
        self.defaultParams = defaultParams
        self.policy = policy
        self.createdBy = createdBy
    }
}

/// A partial update of a pipeline: `nil` leaves a field unchanged; for nullable fields
/// `.some(nil)` clears it. A `config` different from the stored text bumps the version.
public struct PipelineUpdate: Sendable, Hashable {
    public var name: String?
    public var description: String??
    public var status: PipelineStatus?
    public var config: String?
    public var schedule: String??
    public var scheduleTimezone: String??
    public var isScheduled: Bool?
    public var tags: [String]?
    public var defaultParams: String?
    public var policy: PipelinePolicy?
    /// Who made the change (recorded on the version row when the config changes).
    public var changedBy: UUID?
    /// Free text recorded on the version row when the config changes.
    public var changeNote: String?

    public init(
        name: String? = nil, description: String?? = nil, status: PipelineStatus? = nil, config: String? = nil,
        schedule: String?? = nil, scheduleTimezone: String?? = nil, isScheduled: Bool? = nil, tags: [String]? = nil,
        defaultParams: String? = nil, policy: PipelinePolicy? = nil, changedBy: UUID? = nil, changeNote: String? = nil
    ) {
        self.name = name
        self.description = description
        self.status = status
        self.config = config
        self.schedule = schedule
        self.scheduleTimezone = scheduleTimezone
        self.isScheduled = isScheduled
        self.tags = tags
        self.defaultParams = defaultParams
        self.policy = policy
        self.changedBy = changedBy
        self.changeNote = changeNote
    }
}

/// One entry of a pipeline's config history (`seq` 1 is the creation).
public struct PipelineVersionRecord: Sendable, Hashable, Codable {
    public var pipelineID: UUID
    public var seq: Int
    public var version: String
    public var config: String
    public var changedBy: UUID?
    public var changeNote: String?
    public var createdAt: Date

    public init(
        pipelineID: UUID, seq: Int, version: String, config: String, changedBy: UUID?, changeNote: String?,
        createdAt: Date
    ) {
        self.pipelineID = pipelineID
        self.seq = seq
        self.version = version
        self.config = config
        self.changedBy = changedBy
        self.changeNote = changeNote
        self.createdAt = createdAt
    }
}

/// Filters of `GET /pipelines`. All filters combine with AND; `tags` matches any of them.
public struct PipelineFilter: Sendable, Hashable {
    public var status: PipelineStatus?
    /// Case-insensitive substring of the name; `%` and `_` match themselves.
    public var search: String?
    /// A pipeline matches if it has at least one of these tags. Empty = no tag filter.
    public var tags: [String]

    public init(status: PipelineStatus? = nil, search: String? = nil, tags: [String] = []) {
        self.status = status
        self.search = search
        self.tags = tags
    }
}
