/// A parsed cron schedule as bit sets, one per field, plus the day rule.
///
/// It knows nothing about time zones: it answers questions about wall-clock
/// labels (seconds since 1970-01-01T00:00 on a clock that never changes offset).
struct CronSchedule: Hashable, Sendable {
    /// Seconds 0–59.
    var seconds: FieldBits
    /// Minutes 0–59.
    var minutes: FieldBits
    /// Hours 0–23.
    var hours: FieldBits
    /// Months 1–12.
    var months: FieldBits
    /// Day-of-month and day-of-week, combined.
    var days: DayRule
    /// True when the hour field names specific hours rather than `*` or `*/n`;
    /// decides how daylight-saving gaps and folds are handled.
    var isFixedHour: Bool
}
