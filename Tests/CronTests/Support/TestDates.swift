import Cron
import Foundation

/// Parses an ISO-8601 instant with an offset, e.g. `2026-03-08T01:59:00-05:00`.
func instant(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    guard let date = formatter.date(from: text) else {
        preconditionFailure("test instant \(text) is not ISO-8601")
    }
    return date
}

/// Formats `date` as ISO-8601 with the zone's offset at that instant.
func iso(_ date: Date?, _ zone: TimeZone) -> String {
    guard let date else { return "nil" }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = zone
    return formatter.string(from: date)
}

func zone(_ identifier: String) -> TimeZone {
    guard let zone = TimeZone(identifier: identifier) else {
        preconditionFailure("unknown test zone \(identifier)")
    }
    return zone
}

let utc = zone("UTC")

/// The first `count` fire times after `start`, formatted in `zone`.
func fireTimes(_ expression: String, after start: String, count: Int = 5, in zoneName: String = "UTC") throws -> [String] {
    let tz = zone(zoneName)
    let cron = try CronExpression(expression)
    return cron.upcoming(after: instant(start), in: tz).prefix(count).map { iso($0, cron.timeZoneOverride ?? tz) }
}
