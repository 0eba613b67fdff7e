import Cron
import Foundation
import Testing

/// One table row per syntax element: the expression and its first fire times
/// after 2026-01-01T00:00:00Z (a Thursday) in UTC.
@Suite struct SyntaxTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var expression: String
        var expected: [String]
        var after = "2026-01-01T00:00:00Z"
        var testDescription: String { expression }
    }

    static let rows: [Row] = [
        Row(expression: "* * * * *", expected: ["2026-01-01T00:01:00Z", "2026-01-01T00:02:00Z"]),
        Row(expression: "5 * * * *", expected: ["2026-01-01T00:05:00Z", "2026-01-01T01:05:00Z"]),
        Row(expression: "0,30 * * * *", expected: ["2026-01-01T00:30:00Z", "2026-01-01T01:00:00Z", "2026-01-01T01:30:00Z"]),
        Row(expression: "10-12 3 * * *", expected: ["2026-01-01T03:10:00Z", "2026-01-01T03:11:00Z", "2026-01-01T03:12:00Z", "2026-01-02T03:10:00Z"]),
        Row(expression: "*/20 * * * *", expected: ["2026-01-01T00:20:00Z", "2026-01-01T00:40:00Z", "2026-01-01T01:00:00Z"]),
        Row(expression: "10-40/15 * * * *", expected: ["2026-01-01T00:10:00Z", "2026-01-01T00:25:00Z", "2026-01-01T00:40:00Z", "2026-01-01T01:10:00Z"]),
        Row(expression: "50/5 * * * *", expected: ["2026-01-01T00:50:00Z", "2026-01-01T00:55:00Z", "2026-01-01T01:50:00Z"]),
        Row(expression: "0 0 1 FEB,apr *", expected: ["2026-02-01T00:00:00Z", "2026-04-01T00:00:00Z", "2027-02-01T00:00:00Z"]),
        Row(expression: "0 0 1 Jan-Mar *", expected: ["2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", "2027-01-01T00:00:00Z"]),
        Row(expression: "0 12 * * mon", expected: ["2026-01-05T12:00:00Z", "2026-01-12T12:00:00Z"]),
        Row(expression: "0 12 * * SAT-SUN", expected: ["2026-01-03T12:00:00Z", "2026-01-04T12:00:00Z", "2026-01-10T12:00:00Z"]),
        Row(expression: "0 12 * * FRI-SUN", expected: ["2026-01-02T12:00:00Z", "2026-01-03T12:00:00Z", "2026-01-04T12:00:00Z", "2026-01-09T12:00:00Z"]),
        Row(expression: "0 12 * * 0", expected: ["2026-01-04T12:00:00Z", "2026-01-11T12:00:00Z"]),
        Row(expression: "0 12 * * 7", expected: ["2026-01-04T12:00:00Z", "2026-01-11T12:00:00Z"]),
        Row(expression: "0 12 * * 5-7", expected: ["2026-01-02T12:00:00Z", "2026-01-03T12:00:00Z", "2026-01-04T12:00:00Z", "2026-01-09T12:00:00Z"]),
        Row(expression: "0 12 ? * 1", expected: ["2026-01-05T12:00:00Z", "2026-01-12T12:00:00Z"]),
        Row(expression: "0 12 15 * ?", expected: ["2026-01-15T12:00:00Z", "2026-02-15T12:00:00Z"]),
        Row(expression: "0 0 L * *", expected: ["2026-01-31T00:00:00Z", "2026-02-28T00:00:00Z", "2026-03-31T00:00:00Z", "2026-04-30T00:00:00Z"]),
        Row(expression: "0 0 L-2 * *", expected: ["2026-01-29T00:00:00Z", "2026-02-26T00:00:00Z", "2026-03-29T00:00:00Z"]),
        // Jan 31 2026 is a Saturday, May 31 a Sunday.
        Row(expression: "0 0 LW * *", expected: ["2026-01-30T00:00:00Z", "2026-02-27T00:00:00Z", "2026-03-31T00:00:00Z", "2026-04-30T00:00:00Z", "2026-05-29T00:00:00Z"]),
        // Feb 1 2026 is a Sunday (→ Monday 2nd); Mar 1 a Sunday; Aug 1 a Saturday (→ Monday 3rd, not July).
        Row(expression: "0 0 1W * *", expected: ["2026-01-01T00:00:00Z", "2026-02-02T00:00:00Z", "2026-03-02T00:00:00Z", "2026-04-01T00:00:00Z"], after: "2025-12-31T12:00:00Z"),
        Row(expression: "0 0 1W AUG *", expected: ["2026-08-03T00:00:00Z"]),
        // Jan 17 2026 is a Saturday (→ Friday 16th); May 31 a Sunday, the last day (→ Friday 29th).
        Row(expression: "0 0 17W 1 *", expected: ["2026-01-16T00:00:00Z"]),
        Row(expression: "0 0 31W 5 *", expected: ["2026-05-29T00:00:00Z"]),
        Row(expression: "0 0 * * 5L", expected: ["2026-01-30T00:00:00Z", "2026-02-27T00:00:00Z", "2026-03-27T00:00:00Z"]),
        Row(expression: "0 0 * * FRIL", expected: ["2026-01-30T00:00:00Z", "2026-02-27T00:00:00Z"]),
        Row(expression: "0 0 * * 1#2", expected: ["2026-01-12T00:00:00Z", "2026-02-09T00:00:00Z", "2026-03-09T00:00:00Z"]),
        // A fifth Thursday exists only in some months.
        Row(expression: "0 0 * * THU#5", expected: ["2026-01-29T00:00:00Z", "2026-04-30T00:00:00Z", "2026-07-30T00:00:00Z"]),
        // Vixie's rule: both day fields restricted → either may match.
        Row(expression: "0 0 13 * 5", expected: ["2026-01-02T00:00:00Z", "2026-01-09T00:00:00Z", "2026-01-13T00:00:00Z", "2026-01-16T00:00:00Z"]),
        // One day field `*` → only the other counts.
        Row(expression: "0 0 * * 5", expected: ["2026-01-02T00:00:00Z", "2026-01-09T00:00:00Z", "2026-01-16T00:00:00Z"]),
        Row(expression: "0 0 13 * *", expected: ["2026-01-13T00:00:00Z", "2026-02-13T00:00:00Z"]),
        Row(expression: "0 0 1,L * *", expected: ["2026-01-31T00:00:00Z", "2026-02-01T00:00:00Z", "2026-02-28T00:00:00Z"]),
        Row(expression: "@yearly", expected: ["2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"]),
        Row(expression: "@annually", expected: ["2027-01-01T00:00:00Z"]),
        Row(expression: "@monthly", expected: ["2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"]),
        Row(expression: "@weekly", expected: ["2026-01-04T00:00:00Z", "2026-01-11T00:00:00Z"]),
        Row(expression: "@daily", expected: ["2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z"]),
        Row(expression: "@midnight", expected: ["2026-01-02T00:00:00Z"]),
        Row(expression: "@HOURLY", expected: ["2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"]),
        Row(expression: "30 */20 * * * *", expected: ["2026-01-01T00:00:30Z", "2026-01-01T00:20:30Z", "2026-01-01T00:40:30Z"]),
        Row(expression: "*/15 * * * * *", expected: ["2026-01-01T00:00:15Z", "2026-01-01T00:00:30Z", "2026-01-01T00:00:45Z", "2026-01-01T00:01:00Z"]),
        Row(expression: "  0\t0  * *   *  ", expected: ["2026-01-02T00:00:00Z"]),
        Row(expression: "0 0 29 2 *", expected: ["2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"]),
    ]

    @Test(arguments: rows)
    func firesAtTheExpectedTimes(_ row: Row) throws {
        #expect(try fireTimes(row.expression, after: row.after, count: row.expected.count) == row.expected)
    }

    @Test func timeZonePrefixOverridesTheZonePassedIn() throws {
        for prefix in ["CRON_TZ=Asia/Tokyo ", "TZ=Asia/Tokyo "] {
            let cron = try CronExpression(prefix + "0 9 * * *")
            #expect(cron.timeZoneOverride == zone("Asia/Tokyo"))
            let next = cron.next(after: instant("2026-01-01T00:00:00Z"), in: zone("America/New_York"))
            #expect(iso(next, utc) == "2026-01-02T00:00:00Z")
        }
        #expect(try CronExpression("0 9 * * *").timeZoneOverride == nil)
    }

    @Test func hourFieldDecidesWhetherTheScheduleIsFixedHour() throws {
        for text in ["30 2 * * *", "0 2-4 * * *", "0 0-23 * * *", "@daily", "*/15 2 * * *"] {
            #expect(try CronExpression(text).isFixedHour, "\(text)")
        }
        for text in ["0 * * * *", "*/15 * * * *", "0 */2 * * *", "@hourly", "* * * * * *"] {
            #expect(try !CronExpression(text).isFixedHour, "\(text)")
        }
    }

    @Test func equivalentSpellingsAreEqual() throws {
        #expect(try CronExpression("@daily") == CronExpression("0 0 * * *"))
        #expect(try CronExpression("0 0 * * 7") == CronExpression("0 0 * * SUN"))
        #expect(try CronExpression("0 0 1 jan *") == CronExpression("0 0 1 1 *"))
        #expect(try CronExpression("0 0 0 1 1 *") == CronExpression("0 0 1 1 *"))
        #expect(try CronExpression("0 0 * * *") != CronExpression("0 0 1-31 * *"))
        #expect(try CronExpression("0 0 * * *") != CronExpression("0 */24 * * *"))
    }
}
