import Foundation

/// A parsed cron expression that computes fire times in a time zone.
///
/// Syntax: 5 fields `minute hour day-of-month month day-of-week`, or 6 with
/// seconds first; `*`, lists, ranges, steps, `JAN`–`DEC` and `SUN`–`SAT`,
/// day-of-week 0–7, `?`, `L`, `L-n`, `LW`, `nW`, `nL`, `n#k`, the macros
/// `@yearly @annually @monthly @weekly @daily @midnight @hourly`, and an
/// optional `CRON_TZ=Zone ` or `TZ=Zone ` prefix.
///
/// Daylight saving follows cronie: a schedule whose hour field names specific
/// hours (``isFixedHour``) fires once for a time skipped by a spring-forward, at
/// the first instant after the gap, and once for a time repeated by a fall-back,
/// at its first occurrence; a schedule with hour `*` or `*/n` follows real time.
///
/// Two expressions are equal when they have the same normalized ``description``.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    let schedule: CronSchedule

    /// The zone named by a `CRON_TZ=`/`TZ=` prefix; when present it replaces the
    /// zone passed to ``next(after:in:)`` and ``previous(before:in:)``.
    public let timeZoneOverride: TimeZone?

    /// Parses `text`, rejecting malformed expressions and ones that can never fire.
    public init(_ text: String) throws(CronParseError) {
        (schedule, timeZoneOverride) = try CronParser.parse(text)
    }

    /// True when the hour field names specific hours (`30 2 * * *`), false for
    /// `*` and `*/n` (`0 * * * *`, `*/15 * * * *`); see the daylight-saving rule above.
    public var isFixedHour: Bool { schedule.isFixedHour }

    /// The first fire time strictly after `date`, or nil past the year 9999.
    public func next(after date: Date, in zone: TimeZone) -> Date? {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds >= Double(CronInstantRange.lowerBound), seconds < Double(CronInstantRange.upperBound) else { return nil }
        return search(in: zone).next(after: Int64(seconds)).flatMap(CronInstantRange.date(for:))
    }

    /// The last fire time strictly before `date`, or nil before the year 1.
    public func previous(before date: Date, in zone: TimeZone) -> Date? {
        let seconds = date.timeIntervalSince1970.rounded(.up)
        guard seconds > Double(CronInstantRange.lowerBound), seconds <= Double(CronInstantRange.upperBound) else { return nil }
        return search(in: zone).previous(before: Int64(seconds)).flatMap(CronInstantRange.date(for:))
    }

    /// The fire times after `date`, computed one at a time as they are read.
    public func upcoming(after date: Date, in zone: TimeZone) -> CronFireTimes {
        CronFireTimes(expression: self, after: date, zone: zone)
    }

    private func search(in zone: TimeZone) -> ZonedSearch {
        ZonedSearch(schedule: schedule, rules: ZoneRules(zone: timeZoneOverride ?? zone))
    }
}

/// The instants the engine answers for: 0001-01-01 up to 10000-01-01 (UTC).
enum CronInstantRange {
    static let lowerBound: Int64 = CivilCalendar.dayNumber(year: 1, month: 1, day: 1) * 86_400
    static let upperBound: Int64 = CivilCalendar.dayNumber(year: 10_000, month: 1, day: 1) * 86_400

    static func date(for instant: Int64) -> Date? {
        instant >= lowerBound && instant < upperBound ? Date(timeIntervalSince1970: TimeInterval(instant)) : nil
    }
}
