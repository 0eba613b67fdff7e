import Cron
import Foundation
import Testing

/// cronie's rule in six zones: fixed-hour schedules fire once for a skipped
/// time (at the end of the gap) and once for a repeated time (first
/// occurrence); wildcard-hour schedules follow real time.
@Suite struct DaylightSavingTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var zone: String
        var expression: String
        var after: String
        var expected: [String]
        var testDescription: String { "\(expression) in \(zone) after \(after)" }
    }

    static let springForward: [Row] = [
        // New York, 2026-03-08: 02:00 EST becomes 03:00 EDT.
        Row(zone: "America/New_York", expression: "30 2 * * *", after: "2026-03-07T12:00:00-05:00",
            expected: ["2026-03-07T02:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00"].suffix(2)),
        Row(zone: "America/New_York", expression: "*/15 2 * * *", after: "2026-03-08T01:00:00-05:00",
            expected: ["2026-03-08T03:00:00-04:00", "2026-03-09T02:00:00-04:00"]),
        Row(zone: "America/New_York", expression: "0 2,3 * * *", after: "2026-03-08T01:00:00-05:00",
            expected: ["2026-03-08T03:00:00-04:00", "2026-03-09T02:00:00-04:00"]),
        Row(zone: "America/New_York", expression: "0 * * * *", after: "2026-03-08T00:30:00-05:00",
            expected: ["2026-03-08T01:00:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-08T04:00:00-04:00"]),
        Row(zone: "America/New_York", expression: "*/30 * * * *", after: "2026-03-08T01:00:00-05:00",
            expected: ["2026-03-08T01:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-08T03:30:00-04:00"]),
        // Paris, 2026-03-29: 02:00 CET becomes 03:00 CEST.
        Row(zone: "Europe/Paris", expression: "30 2 * * *", after: "2026-03-28T12:00:00+01:00",
            expected: ["2026-03-29T03:00:00+02:00", "2026-03-30T02:30:00+02:00"]),
        Row(zone: "Europe/Paris", expression: "30 * * * *", after: "2026-03-29T01:00:00+01:00",
            expected: ["2026-03-29T01:30:00+01:00", "2026-03-29T03:30:00+02:00"]),
        // Lord Howe, 2026-10-04: 02:00 (+10:30) becomes 02:30 (+11), a 30-minute gap.
        Row(zone: "Australia/Lord_Howe", expression: "15 2 * * *", after: "2026-10-03T12:00:00+10:30",
            expected: ["2026-10-04T02:30:00+11:00", "2026-10-05T02:15:00+11:00"]),
        Row(zone: "Australia/Lord_Howe", expression: "15 * * * *", after: "2026-10-04T01:00:00+10:30",
            expected: ["2026-10-04T01:15:00+10:30", "2026-10-04T03:15:00+11:00"]),
        Row(zone: "Australia/Lord_Howe", expression: "45 * * * *", after: "2026-10-04T01:00:00+10:30",
            expected: ["2026-10-04T01:45:00+10:30", "2026-10-04T02:45:00+11:00"]),
        // Santiago, 2026-09-06: midnight (-04) becomes 01:00 (-03), so midnight itself is skipped.
        Row(zone: "America/Santiago", expression: "@daily", after: "2026-09-05T12:00:00-04:00",
            expected: ["2026-09-06T01:00:00-03:00", "2026-09-07T00:00:00-03:00"]),
        Row(zone: "America/Santiago", expression: "0 * * * *", after: "2026-09-05T22:30:00-04:00",
            expected: ["2026-09-05T23:00:00-04:00", "2026-09-06T01:00:00-03:00", "2026-09-06T02:00:00-03:00"]),
        // Apia skipped 2011-12-30 entirely (-10 became +14).
        Row(zone: "Pacific/Apia", expression: "0 12 * * *", after: "2011-12-29T00:00:00-10:00",
            expected: ["2011-12-29T12:00:00-10:00", "2011-12-31T00:00:00+14:00", "2011-12-31T12:00:00+14:00"]),
        Row(zone: "Pacific/Apia", expression: "0 0 * * *", after: "2011-12-29T12:00:00-10:00",
            expected: ["2011-12-31T00:00:00+14:00", "2012-01-01T00:00:00+14:00"]),
        Row(zone: "Pacific/Apia", expression: "0 */6 * * *", after: "2011-12-29T17:00:00-10:00",
            expected: ["2011-12-29T18:00:00-10:00", "2011-12-31T00:00:00+14:00", "2011-12-31T06:00:00+14:00"]),
        Row(zone: "Pacific/Apia", expression: "0 0 30 12 *", after: "2011-06-01T00:00:00-10:00",
            expected: ["2011-12-31T00:00:00+14:00", "2012-12-30T00:00:00+14:00"]),
        Row(zone: "Pacific/Apia", expression: "0 * 30 12 *", after: "2011-06-01T00:00:00-10:00",
            expected: ["2012-12-30T00:00:00+14:00"]),
        // Kolkata has no daylight saving: nothing moves.
        Row(zone: "Asia/Kolkata", expression: "30 2 * * *", after: "2026-03-08T00:00:00+05:30",
            expected: ["2026-03-08T02:30:00+05:30", "2026-03-09T02:30:00+05:30"]),
        Row(zone: "Asia/Kolkata", expression: "0 * * * *", after: "2026-10-25T01:30:00+05:30",
            expected: ["2026-10-25T02:00:00+05:30", "2026-10-25T03:00:00+05:30"]),
    ]

    static let fallBack: [Row] = [
        // New York, 2026-11-01: 02:00 EDT becomes 01:00 EST; 01:00–01:59 happen twice.
        Row(zone: "America/New_York", expression: "30 1 * * *", after: "2026-10-31T12:00:00-04:00",
            expected: ["2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"]),
        Row(zone: "America/New_York", expression: "30 1 * * *", after: "2026-11-01T01:15:00-05:00",
            expected: ["2026-11-02T01:30:00-05:00"]),
        Row(zone: "America/New_York", expression: "30 * * * *", after: "2026-11-01T00:00:00-04:00",
            expected: ["2026-11-01T00:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00", "2026-11-01T02:30:00-05:00"]),
        Row(zone: "America/New_York", expression: "*/15 * * * *", after: "2026-11-01T01:40:00-04:00",
            expected: ["2026-11-01T01:45:00-04:00", "2026-11-01T01:00:00-05:00", "2026-11-01T01:15:00-05:00"]),
        Row(zone: "America/New_York", expression: "*/20 1 * * *", after: "2026-11-01T00:00:00-04:00",
            expected: ["2026-11-01T01:00:00-04:00", "2026-11-01T01:20:00-04:00", "2026-11-01T01:40:00-04:00", "2026-11-02T01:00:00-05:00"]),
        // Paris, 2026-10-25: 03:00 CEST becomes 02:00 CET.
        Row(zone: "Europe/Paris", expression: "30 2 * * *", after: "2026-10-24T12:00:00+02:00",
            expected: ["2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"]),
        Row(zone: "Europe/Paris", expression: "0,30 * * * *", after: "2026-10-25T01:45:00+02:00",
            expected: ["2026-10-25T02:00:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-25T02:00:00+01:00",
                       "2026-10-25T02:30:00+01:00", "2026-10-25T03:00:00+01:00"]),
        // Lord Howe, 2026-04-05: 02:00 (+11) becomes 01:30 (+10:30); 01:30–01:59 happen twice.
        Row(zone: "Australia/Lord_Howe", expression: "45 1 * * *", after: "2026-04-04T12:00:00+11:00",
            expected: ["2026-04-05T01:45:00+11:00", "2026-04-06T01:45:00+10:30"]),
        Row(zone: "Australia/Lord_Howe", expression: "45 * * * *", after: "2026-04-05T01:00:00+11:00",
            expected: ["2026-04-05T01:45:00+11:00", "2026-04-05T01:45:00+10:30", "2026-04-05T02:45:00+10:30"]),
        // Santiago, 2026-04-05: midnight (-03) becomes 23:00 (-04) of the 4th; 23:00–23:59 happen twice.
        Row(zone: "America/Santiago", expression: "30 23 * * *", after: "2026-04-04T12:00:00-03:00",
            expected: ["2026-04-04T23:30:00-03:00", "2026-04-05T23:30:00-04:00"]),
        Row(zone: "America/Santiago", expression: "30 * * * *", after: "2026-04-04T22:45:00-03:00",
            expected: ["2026-04-04T23:30:00-03:00", "2026-04-04T23:30:00-04:00", "2026-04-05T00:30:00-04:00"]),
        Row(zone: "America/Santiago", expression: "@daily", after: "2026-04-04T12:00:00-03:00",
            expected: ["2026-04-05T00:00:00-04:00", "2026-04-06T00:00:00-04:00"]),
        // Apia, 2012-04-01: 04:00 (+14) becomes 03:00 (+13).
        Row(zone: "Pacific/Apia", expression: "30 3 * * *", after: "2012-03-31T12:00:00+14:00",
            expected: ["2012-04-01T03:30:00+14:00", "2012-04-02T03:30:00+13:00"]),
    ]

    @Test(arguments: springForward)
    func springForwardGap(_ row: Row) throws {
        #expect(try fireTimes(row.expression, after: row.after, count: row.expected.count, in: row.zone) == row.expected)
    }

    @Test(arguments: fallBack)
    func fallBackFold(_ row: Row) throws {
        #expect(try fireTimes(row.expression, after: row.after, count: row.expected.count, in: row.zone) == row.expected)
    }

    /// `previous` mirrors `next`: walking back from the last expected time
    /// visits the same fire times in reverse.
    @Test(arguments: springForward + fallBack)
    func previousWalksTheSameTimesBackwards(_ row: Row) throws {
        let tz = zone(row.zone)
        let cron = try CronExpression(row.expression)
        var cursor = instant(row.expected.last!)
        for expected in row.expected.dropLast().reversed() {
            let previous = cron.previous(before: cursor, in: tz)
            #expect(iso(previous, tz) == expected)
            guard let previous else { return }
            cursor = previous
        }
        #expect(try #require(cron.previous(before: cursor, in: tz)) <= instant(row.after))
    }

    @Test func prefixZoneAppliesItsOwnDaylightSaving() throws {
        let cron = try CronExpression("CRON_TZ=America/New_York 30 2 * * *")
        let next = cron.next(after: instant("2026-03-07T12:00:00-05:00"), in: utc)
        #expect(iso(next, zone("America/New_York")) == "2026-03-08T03:00:00-04:00")
    }
}
