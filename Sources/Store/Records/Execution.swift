#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where an execution is in its life. `success`, `failed` and `cancelled` are final.
public enum ExecutionStatus: String, Sendable, Codable, CaseIterable {
    case pending, running, success, failed, cancelled

    /// No further transition is allowed.
    public var isFinal: Bool { self == .success || self == .failed || self == .cancelled }
}

/// What created an execution.
public enum TriggerType: String, Sendable, Codable, CaseIterable {
    case scheduled, manual, retry, api
}

/// A stored execution. `(pipelineID, scheduledFor)` is unique when `scheduledFor` is set:
/// the database, not the scheduler, guarantees one execution per cron slot.
public struct ExecutionRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var pipelineID: UUID
    public var status: ExecutionStatus
    public var triggerType: TriggerType
    /// The cron slot this execution runs (nominal time); `nil` for manual/API runs.
    public var scheduledFor: Date?
    /// JSON text of the effective parameters.
    public var params: String
    /// 1 for the first attempt; retries count up.
    public var attempt: Int
    /// The execution this one retries.
    public var retryOf: UUID?
    /// When the scheduler fired the slot (after jitter).
    public var firedAt: Date?
    public var queuedAt: Date
    public var startedAt: Date?
    public var completedAt: Date?
    public var durationSeconds: Double?
    public var rowsProcessed: Int64
    public var dataSizeBytes: Int64
    public var errorMessage: String?
    public var failedNodeID: String?
    public var triggeredBy: UUID?
    /// The node (daemon instance) that claimed it.
    public var claimedBy: String?
    /// A pending execution is not claimed before this instant (a retry's backoff); nil = at once.
    public var notBefore: Date?

    public init(
        id: UUID, pipelineID: UUID, status: ExecutionStatus, triggerType: TriggerType, scheduledFor: Date?,
        params: String, attempt: Int, retryOf: UUID?, firedAt: Date?, queuedAt: Date, startedAt: Date?,
        completedAt: Date?, durationSeconds: Double?, rowsProcessed: Int64, dataSizeBytes: Int64,
        errorMessage: String?, failedNodeID: String?, triggeredBy: UUID?, claimedBy: String?, notBefore: Date? = nil
    ) {
        self.id = id
        self.pipelineID = pipelineID
        self.status = status
        self.triggerType = triggerType
        self.scheduledFor = scheduledFor
        self.params = params
        self.attempt = attempt
        self.retryOf = retryOf
        self.firedAt = firedAt
        self.queuedAt = queuedAt
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.durationSeconds = durationSeconds
        self.rowsProcessed = rowsProcessed
        self.dataSizeBytes = dataSizeBytes
        self.errorMessage = errorMessage
        self.failedNodeID = failedNodeID
        self.triggeredBy = triggeredBy
        self.claimedBy = claimedBy
        self.notBefore = notBefore
    }
}

/// An execution with its pipeline's name (the `GET /executions` row).
public struct ExecutionSummary: Sendable, Hashable, Codable {
    public var execution: ExecutionRecord
    public var pipelineName: String

    public init(execution: ExecutionRecord, pipelineName: String) {
        self.execution = execution
        self.pipelineName = pipelineName
    }
}

/// An execution to enqueue (status `pending`).
public struct NewExecution: Sendable, Hashable {
    public var id: UUID
    public var pipelineID: UUID
    public var triggerType: TriggerType
    public var scheduledFor: Date?
    public var params: String
    public var attempt: Int
    public var retryOf: UUID?
    public var firedAt: Date?
    public var triggeredBy: UUID?
    /// Not to be claimed before this instant (a retry's backoff); nil = at once.
    public var notBefore: Date?

    public init(
        id: UUID = UUID(), pipelineID: UUID, triggerType: TriggerType, scheduledFor: Date? = nil,
        params: String = "{}", attempt: Int = 1, retryOf: UUID? = nil, firedAt: Date? = nil, triggeredBy: UUID? = nil,
        notBefore: Date? = nil
    ) {
        self.id = id
        self.pipelineID = pipelineID
        self.triggerType = triggerType
        self.scheduledFor = scheduledFor
        self.params = params
        self.attempt = attempt
        self.retryOf = retryOf
        self.firedAt = firedAt
        self.triggeredBy = triggeredBy
        self.notBefore = notBefore
    }
}

/// The outcome of enqueueing an execution. A taken slot is an expected outcome
/// (another scheduler instance, or a previous run before a crash, fired it), not an error.
public enum ExecutionInsertResult: Sendable, Hashable {
    case inserted(ExecutionRecord)
    /// An execution for `(pipelineID, scheduledFor)` already exists.
    case slotTaken
}

/// How an execution ended.
public struct ExecutionCompletion: Sendable, Hashable {
    /// `success`, `failed` or `cancelled`.
    public var status: ExecutionStatus
    public var rowsProcessed: Int64?
    public var dataSizeBytes: Int64?
    public var errorMessage: String?
    public var failedNodeID: String?
    /// With `success` only: per node id, the JSON object text its node keeps for the next run
    /// (``MetadataStore/nodeState(pipelineID:)``), written in the same transaction.
    public var nodeState: [String: String]

    public init(
        status: ExecutionStatus, rowsProcessed: Int64? = nil, dataSizeBytes: Int64? = nil, errorMessage: String? = nil,
        failedNodeID: String? = nil, nodeState: [String: String] = [:]
    ) {
        self.nodeState = nodeState
        self.status = status
        self.rowsProcessed = rowsProcessed
        self.dataSizeBytes = dataSizeBytes
        self.errorMessage = errorMessage
        self.failedNodeID = failedNodeID
    }
}

/// Filters of `GET /executions`.
public struct ExecutionFilter: Sendable, Hashable {
    public var pipelineID: UUID?
    public var status: ExecutionStatus?

    public init(pipelineID: UUID? = nil, status: ExecutionStatus? = nil) {
        self.pipelineID = pipelineID
        self.status = status
    }
}

/// One cron slot the scheduler fires (see ``MetadataStore/fireSlots(_:)``).
public struct SlotFire: Sendable, Hashable {
    /// The id the execution gets when it is inserted.
    public var executionID: UUID
    public var pipelineID: UUID
    /// The slot's nominal time: the execution's `scheduled_for`.
    public var slot: Date
    /// When the scheduler fired it (after jitter): the execution's `fired_at`.
    public var firedAt: Date
    /// Skip the slot when the pipeline has a pending or running execution (overlap `forbid`).
    public var skipIfActive: Bool

    public init(executionID: UUID = UUID(), pipelineID: UUID, slot: Date, firedAt: Date, skipIfActive: Bool) {
        self.executionID = executionID
        self.pipelineID = pipelineID
        self.slot = slot
        self.firedAt = firedAt
        self.skipIfActive = skipIfActive
    }
}

/// What became of one ``SlotFire``.
public enum SlotFireResult: Sendable, Hashable {
    /// A `pending` execution with `trigger_type = scheduled` was queued.
    case inserted(ExecutionRecord)
    /// The slot already has an execution (fired before a crash, or by another node).
    case slotTaken
    /// Skipped because the pipeline has an active execution (`skipIfActive`).
    case skippedActive
    /// The pipeline no longer exists.
    case pipelineMissing
}
