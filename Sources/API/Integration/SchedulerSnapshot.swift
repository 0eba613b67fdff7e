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
    /// How late the recent timers fired.
    public var fireLag: FireLag

    /// Percentiles of the recent fire lags (`fired_at − due`), in milliseconds; nil before the
    /// first fire or when no scheduler runs in this process.
    public struct FireLag: Sendable, Hashable, Codable {
        /// Fires the percentiles are computed over (the most recent ones).
        public var samples: Int
        /// Fires since the scheduler started.
        public var total: Int
        public var p50Milliseconds: Double?
        public var p90Milliseconds: Double?
        public var p99Milliseconds: Double?
        public var maxMilliseconds: Double?

        /// A summary.
        public init(
            samples: Int, total: Int, p50Milliseconds: Double?, p90Milliseconds: Double?, p99Milliseconds: Double?,
            maxMilliseconds: Double?
        ) {
            self.samples = samples
            self.total = total
            self.p50Milliseconds = p50Milliseconds
            self.p90Milliseconds = p90Milliseconds
            self.p99Milliseconds = p99Milliseconds
            self.maxMilliseconds = maxMilliseconds
        }

        /// No fire seen.
        public static let none = FireLag(
            samples: 0, total: 0, p50Milliseconds: nil, p90Milliseconds: nil, p99Milliseconds: nil, maxMilliseconds: nil)

        enum CodingKeys: String, CodingKey {
            case samples, total
            case p50Milliseconds = "p50_ms"
            case p90Milliseconds = "p90_ms"
            case p99Milliseconds = "p99_ms"
            case maxMilliseconds = "max_ms"
        }

        /// Encodes missing percentiles as `null` rather than leaving them out.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(samples, forKey: .samples)
            try container.encode(total, forKey: .total)
            try container.encode(p50Milliseconds, forKey: .p50Milliseconds)
            try container.encode(p90Milliseconds, forKey: .p90Milliseconds)
            try container.encode(p99Milliseconds, forKey: .p99Milliseconds)
            try container.encode(maxMilliseconds, forKey: .maxMilliseconds)
        }
    }

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
    public init(
        state: String, armedPipelines: Int, upcoming: [UpcomingRun], pendingExecutions: Int, runningExecutions: Int,
        fireLag: FireLag = .none
    ) {
        self.state = state
        self.armedPipelines = armedPipelines
        self.upcoming = upcoming
        self.pendingExecutions = pendingExecutions
        self.runningExecutions = runningExecutions
        self.fireLag = fireLag
    }

    enum CodingKeys: String, CodingKey {
        case state, upcoming
        case armedPipelines = "armed_pipelines"
        case pendingExecutions = "pending_executions"
        case runningExecutions = "running_executions"
        case fireLag = "fire_lag"
    }
}
