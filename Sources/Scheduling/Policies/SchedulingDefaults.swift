import Foundation
import Store

/// The configured defaults (`scheduler.*`) a pipeline's unset ``PipelinePolicy`` fields fall back to.
public struct SchedulingDefaults: Sendable, Hashable {
    /// Zone of schedules without `schedule_timezone`.
    public var timeZone: TimeZone
    public var misfirePolicy: MisfirePolicy
    public var maxCatchUp: Int
    public var overlapPolicy: OverlapPolicy
    /// Retries after a failed attempt (a pipeline's `max_retries` overrides it).
    public var maxRetries: Int
    /// First retry delay, doubled on each further attempt (a pipeline's `retry_backoff_seconds` overrides it).
    public var retryBackoff: Duration
    /// Longest retry delay, however many attempts failed.
    public var maximumRetryBackoff: Duration

    public init(
        timeZone: TimeZone, misfirePolicy: MisfirePolicy = .runOnce, maxCatchUp: Int = 10,
        overlapPolicy: OverlapPolicy = .forbid, maxRetries: Int = 0, retryBackoff: Duration = .seconds(60),
        maximumRetryBackoff: Duration = .seconds(3600)
    ) {
        self.timeZone = timeZone
        self.misfirePolicy = misfirePolicy
        self.maxCatchUp = maxCatchUp
        self.overlapPolicy = overlapPolicy
        self.maxRetries = maxRetries
        self.retryBackoff = retryBackoff
        self.maximumRetryBackoff = maximumRetryBackoff
    }
}

/// A pipeline's policy with every default filled in.
struct EffectivePolicy: Sendable, Hashable {
    var misfire: MisfireRule
    var overlap: OverlapRule
    var jitter: FixedJitter
    var retry: RetryRule
    var timeout: Duration?

    init(_ policy: PipelinePolicy, defaults: SchedulingDefaults) {
        misfire = MisfireRule(
            policy: policy.misfirePolicy ?? defaults.misfirePolicy, maxCatchUp: max(1, policy.maxCatchUp ?? defaults.maxCatchUp))
        overlap = OverlapRule(policy: policy.overlapPolicy ?? defaults.overlapPolicy, maxActiveRuns: policy.maxActiveRuns)
        jitter = FixedJitter(maximumSeconds: max(0, policy.jitterSeconds ?? 0))
        retry = RetryRule(
            maxRetries: max(0, policy.maxRetries ?? defaults.maxRetries),
            backoff: policy.retryBackoffSeconds.map { .seconds(max(0, $0)) } ?? defaults.retryBackoff,
            maximumBackoff: defaults.maximumRetryBackoff)
        timeout = policy.timeoutSeconds.flatMap { $0 > 0 ? .seconds($0) : nil }
    }
}
