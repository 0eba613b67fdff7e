import Store

/// A pipeline's scheduling and retry policy, with the API's snake_case names; `null` or absent
/// fields mean "the configured default".
struct PipelinePolicyPayload: Codable, Sendable {
    var policy: PipelinePolicy

    enum CodingKeys: String, CodingKey {
        case misfirePolicy = "misfire_policy"
        case maxCatchUp = "max_catch_up"
        case overlapPolicy = "overlap_policy"
        case maxActiveRuns = "max_active_runs"
        case jitterSeconds = "jitter_seconds"
        case maxRetries = "max_retries"
        case retryBackoffSeconds = "retry_backoff_seconds"
        case timeoutSeconds = "timeout_seconds"
    }

    init(_ policy: PipelinePolicy) { self.policy = policy }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        policy = PipelinePolicy(
            misfirePolicy: try container.decodeIfPresent(MisfirePolicy.self, forKey: .misfirePolicy),
            maxCatchUp: try container.decodeIfPresent(Int.self, forKey: .maxCatchUp),
            overlapPolicy: try container.decodeIfPresent(OverlapPolicy.self, forKey: .overlapPolicy),
            maxActiveRuns: try container.decodeIfPresent(Int.self, forKey: .maxActiveRuns),
            jitterSeconds: try container.decodeIfPresent(Int.self, forKey: .jitterSeconds),
            maxRetries: try container.decodeIfPresent(Int.self, forKey: .maxRetries),
            retryBackoffSeconds: try container.decodeIfPresent(Int.self, forKey: .retryBackoffSeconds),
            timeoutSeconds: try container.decodeIfPresent(Int.self, forKey: .timeoutSeconds))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(policy.misfirePolicy, forKey: .misfirePolicy)
        try container.encode(policy.maxCatchUp, forKey: .maxCatchUp)
        try container.encode(policy.overlapPolicy, forKey: .overlapPolicy)
        try container.encode(policy.maxActiveRuns, forKey: .maxActiveRuns)
        try container.encode(policy.jitterSeconds, forKey: .jitterSeconds)
        try container.encode(policy.maxRetries, forKey: .maxRetries)
        try container.encode(policy.retryBackoffSeconds, forKey: .retryBackoffSeconds)
        try container.encode(policy.timeoutSeconds, forKey: .timeoutSeconds)
    }

    /// Problems with the numbers (all must be ≥ 0; `max_catch_up` and `max_active_runs` ≥ 1).
    var problems: [FieldProblem] {
        var problems: [FieldProblem] = []
        let checks: [(String, Int?, Int)] = [
            ("max_catch_up", policy.maxCatchUp, 1), ("max_active_runs", policy.maxActiveRuns, 1),
            ("jitter_seconds", policy.jitterSeconds, 0), ("max_retries", policy.maxRetries, 0),
            ("retry_backoff_seconds", policy.retryBackoffSeconds, 0), ("timeout_seconds", policy.timeoutSeconds, 1),
        ]
        for (name, value, minimum) in checks {
            if let value, value < minimum { problems.append(FieldProblem("body.policy.\(name)", "must be at least \(minimum)")) }
        }
        return problems
    }
}
