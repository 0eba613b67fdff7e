import Cron
import Foundation
import Testing

/// February 29th, including the Gregorian century rule: 2100 is not a leap year, 2000 and 2400 are.
@Suite struct LeapYearTests {
    @Test func leapDayFindsTheNextLeapYear() throws {
        #expect(try fireTimes("0 0 29 2 *", after: "2026-01-01T00:00:00Z", count: 3)
            == ["2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z", "2036-02-29T00:00:00Z"])
    }

    @Test func leapDaySkipsTheYear2100() throws {
        #expect(try fireTimes("0 0 29 2 *", after: "2096-03-01T00:00:00Z", count: 2)
            == ["2104-02-29T00:00:00Z", "2108-02-29T00:00:00Z"])
    }

    @Test func leapDayKeepsTheYears2000And2400() throws {
        #expect(try fireTimes("0 0 29 2 *", after: "1999-01-01T00:00:00Z", count: 1) == ["2000-02-29T00:00:00Z"])
        #expect(try fireTimes("0 0 29 2 *", after: "2397-01-01T00:00:00Z", count: 1) == ["2400-02-29T00:00:00Z"])
    }

    @Test func previousLeapDaySkipsTheYear2100() throws {
        let cron = try CronExpression("0 0 29 2 *")
        #expect(iso(cron.previous(before: instant("2104-01-01T00:00:00Z"), in: utc), utc) == "2096-02-29T00:00:00Z")
    }

    @Test func leapDayInAZoneWithDaylightSaving() throws {
        #expect(try fireTimes("30 2 29 2 *", after: "2097-01-01T00:00:00-05:00", count: 1, in: "America/New_York")
            == ["2104-02-29T02:30:00-05:00"])
    }

    @Test func lastDayOfFebruaryFollowsLeapYears() throws {
        #expect(try fireTimes("0 0 L 2 *", after: "2099-03-01T00:00:00Z", count: 2) == ["2100-02-28T00:00:00Z", "2101-02-28T00:00:00Z"])
        #expect(try fireTimes("0 0 L 2 *", after: "2103-03-01T00:00:00Z", count: 1) == ["2104-02-29T00:00:00Z"])
    }

    @Test func fifthMondayOfFebruaryNeedsALeapYearStartingOnMonday() throws {
        // 2016 and 2044 are the leap years this century whose February starts on a Monday.
        #expect(try fireTimes("0 0 ? 2 1#5", after: "2016-03-01T00:00:00Z", count: 1) == ["2044-02-29T00:00:00Z"])
    }
}
