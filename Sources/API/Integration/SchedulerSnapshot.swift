#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The state of the scheduler, as `GET /api/v1/scheduler` shows it.
public struct SchedulerSnapshot: Sendable, Hashable, Codable {
    /// `running`, `stopped`, or `unavailable` when no scheduler runs in this process.
    public var state: String
    /// Pipelines armed (active, scheduled, with a schedule).
    public var armedPipelines: Int
    /// The next slots, soonest first.
    public var upcoming: [UpcomingRun]
    /// Executions waiting for a worker.
    public var pendingExecutions: Int
    /// Executions being run.
    public var runningExecutions: Int

    /// One upcoming slot.
    public struct UpcomingRun: Sendable, Hashable, Codable {
        /// The pipeline.
        public var pipelineID: UUID
        /// Its name.
        public var pipelineName: String
        /// When its next slot fires.
        public var fireAt: Date

        /// An upcoming run.
        public init(pipelineID: UUID, pipelineName: String, fireAt: Date) {
            self.pipelineID = pipelineID
            self.pipelineName = pipelineName
            self.fireAt = fireAt
        }

        enum CodingKeys: String, CodingKey {
            case pipelineID = "pipeline_id"
            case pipelineName = "pipeline_name"
            case fireAt = "fire_at"
        }

        /// Encodes the id in the API's lowercase spelling.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(pipelineID.apiString, forKey: .pipelineID)
            try container.encode(pipelineName, forKey: .pipelineName)
            try container.encode(fireAt, forKey: .fireAt)
        }
    }

    /// A snapshot.
    public init(state: String, armedPipelines: Int, upcoming: [UpcomingRun], pendingExecutions: Int, runningExecutions: Int) {
        self.state = state
        self.armedPipelines = armedPipelines
        self.upcoming = upcoming
        self.pendingExecutions = pendingExecutions
        self.runningExecutions = runningExecutions
    }

    enum CodingKeys: String, CodingKey {
        case state, upcoming
        case armedPipelines = "armed_pipelines"
        case pendingExecutions = "pending_executions"
        case runningExecutions = "running_executions"
    }
}
