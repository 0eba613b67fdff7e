import Cron
import Foundation
import Store

/// A pipeline the scheduler holds a timer for.
struct ArmedSchedule: Sendable {
    var pipelineID: UUID
    var expressionText: String
    var expression: CronExpression
    var timeZone: TimeZone
    var policy: EffectivePolicy
    /// The slot the timer fires (nominal, before jitter).
    var slot: Date
    var timer: TimerHandle

    /// The pipeline's fixed jitter.
    var jitterSeconds: Int { policy.jitter.offset(for: pipelineID) }

    /// When a slot fires: the slot plus the jitter.
    func fireTime(of slot: Date) -> Date { slot.addingTimeInterval(TimeInterval(jitterSeconds)) }

    /// The first slot whose fire time is at or after `instant` (nil past year 9999).
    func firstSlot(firingAtOrAfter instant: Date) -> Date? {
        expression.next(after: instant.addingTimeInterval(TimeInterval(-1 - jitterSeconds)), in: timeZone)
    }
}

/// Why a pipeline cannot be armed.
public enum SchedulingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stored `schedule` does not parse.
    case invalidSchedule(pipelineID: UUID, expression: String, reason: String)
    /// The stored `schedule_timezone` is not an IANA zone.
    case unknownTimeZone(pipelineID: UUID, identifier: String)

    /// A stable code for logs and API errors.
    public var code: String {
        switch self {
        case .invalidSchedule: "INVALID_SCHEDULE"
        case .unknownTimeZone: "UNKNOWN_TIME_ZONE"
        }
    }

    public var description: String {
        switch self {
        case .invalidSchedule(let id, let expression, let reason):
            "pipeline \(id.uuidString.lowercased()) has an invalid schedule \"\(expression)\": \(reason)"
        case .unknownTimeZone(let id, let identifier):
            "pipeline \(id.uuidString.lowercased()) names an unknown time zone \"\(identifier)\""
        }
    }
}
