import Foundation
import Testing

/// `etl-builder cron next` and `cron explain`, run as the real binary.
@Suite struct CronCommandTests {
    @Test func nextPrintsFireTimesAcrossASpringForwardInTheGivenZone() async throws {
        let result = try await runETLBuilder([
            "cron", "next", "30 2 * * *", "--count", "3", "--after", "2026-03-07T00:00:00-05:00", "--tz", "America/New_York",
        ])
        #expect(result.exitCode == 0)
        #expect(result.stdout == "2026-03-07T02:30:00-05:00\n2026-03-08T03:00:00-04:00\n2026-03-09T02:30:00-04:00\n")
    }

    @Test func nextFollowsRealTimeForWildcardHoursThroughAFallBack() async throws {
        let result = try await runETLBuilder([
            "cron", "next", "30 * * * *", "--count", "3", "--after", "2026-11-01T01:00:00-04:00", "--tz", "America/New_York",
        ])
        #expect(result.stdout == "2026-11-01T01:30:00-04:00\n2026-11-01T01:30:00-05:00\n2026-11-01T02:30:00-05:00\n")
    }

    @Test func nextPrintsFiveTimesByDefaultAndShowsSecondsAndUTCOffset() async throws {
        let result = try await runETLBuilder(["cron", "next", "*/20 * * * * *", "--after", "2026-01-01T00:00:00Z", "--tz", "UTC"])
        #expect(result.stdout.split(separator: "\n") == [
            "2026-01-01T00:00:20+00:00", "2026-01-01T00:00:40+00:00", "2026-01-01T00:01:00+00:00",
            "2026-01-01T00:01:20+00:00", "2026-01-01T00:01:40+00:00",
        ])
    }

    @Test func nextUsesTheExpressionsOwnZonePrefix() async throws {
        let result = try await runETLBuilder([
            "cron", "next", "CRON_TZ=Asia/Kolkata 0 9 * * *", "--count", "1", "--after", "2026-01-01T00:00:00Z", "--tz", "UTC",
        ])
        #expect(result.stdout == "2026-01-01T09:00:00+05:30\n")
    }

    @Test func nextDefaultsToNowInTheSystemZone() async throws {
        let result = try await runETLBuilder(["cron", "next", "@hourly", "--count", "2"], environment: ["TZ": "UTC"])
        #expect(result.exitCode == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasSuffix(":00:00+00:00") })
    }

    @Test func explainPrintsEnglish() async throws {
        let result = try await runETLBuilder(["cron", "explain", "0 2 * * *"])
        #expect(result.exitCode == 0)
        #expect(result.stdout == "At 02:00 on every day\n")
    }

    @Test func invalidExpressionExitsWithTwoAndNamesTheColumn() async throws {
        for command in ["next", "explain"] {
            let result = try await runETLBuilder(["cron", command, "0 0 24 * * *"])
            #expect(result.exitCode == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "error: hour: 24 is out of range 0-23 (column 5)\n")
        }
    }

    @Test func neverFiringExpressionIsRejected() async throws {
        let result = try await runETLBuilder(["cron", "next", "0 0 30 2 *"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("day-of-month: 30 never falls in FEB"))
    }

    @Test func badZoneOrInstantExitsWithTwoAndNamesTheOption() async throws {
        let zone = try await runETLBuilder(["cron", "next", "@daily", "--tz", "Mars/Olympus"])
        #expect(zone.exitCode == 2)
        #expect(zone.stderr == "error: --tz: Mars/Olympus is not a known IANA time zone\n")
        let after = try await runETLBuilder(["cron", "next", "@daily", "--after", "yesterday"])
        #expect(after.exitCode == 2)
        #expect(after.stderr.hasPrefix("error: --after: yesterday is not an ISO-8601 instant"))
    }
}
