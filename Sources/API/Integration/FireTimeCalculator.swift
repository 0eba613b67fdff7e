#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Cron
import Store

/// Next fire times of a pipeline's schedule, from the cron engine, in the pipeline's time zone
/// (or the configured default).
struct FireTimeCalculator: Sendable {
    /// IANA zone of schedules that name none.
    let defaultTimeZone: String

    /// The zone a pipeline's schedule runs in.
    func timeZoneName(for pipeline: PipelineRecord) -> String {
        pipeline.scheduleTimezone ?? defaultTimeZone
    }

    /// Up to `count` fire times of `pipeline`'s schedule after `date`; empty without a schedule.
    func next(for pipeline: PipelineRecord, after date: Date, count: Int) throws -> [Date] {
        guard let schedule = pipeline.schedule else { return [] }
        let expression = try CronExpression(schedule)
        guard let zone = TimeZone(identifier: timeZoneName(for: pipeline)) else {
            throw APIError(.invalidSchedule, "Unknown time zone '\(timeZoneName(for: pipeline))'")
        }
        return Array(expression.upcoming(after: date, in: zone).prefix(count))
    }
}
