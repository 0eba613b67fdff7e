import ArgumentParser
import Cron
import Foundation

/// `etl-builder cron`: try cron expressions without starting the daemon.
struct CronCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cron",
        abstract: "Show when a cron expression fires, or explain it in English.",
        subcommands: [Next.self, Explain.self]
    )

    /// `etl-builder cron next "<expr>" [--count N] [--after <instant>] [--tz <zone>]`
    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the next fire times, one per line, as ISO-8601 with the zone's offset."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The cron expression, e.g. \"30 2 * * *\" or \"CRON_TZ=Europe/Paris @daily\".")
        var expression: String

        @Option(help: "How many fire times to print.")
        var count = 5

        @Option(help: "Start after this ISO-8601 instant, e.g. 2026-03-08T01:00:00-05:00 (default: now).")
        var after: String?

        @Option(help: "IANA time zone to evaluate in (default: the system zone); a CRON_TZ= prefix wins.")
        var tz: String?

        func run() throws {
            let cron = try CronCommand.parse(expression)
            guard count > 0 else { throw CronCommand.usageError("--count: \(count) must be at least 1") }
            let zone = try tz.map { name in
                guard let zone = TimeZone(identifier: name) else {
                    throw CronCommand.usageError("--tz: \(name) is not a known IANA time zone")
                }
                return zone
            } ?? TimeZone.current
            let start = try after.map { text in
                guard let date = CronCommand.parseInstant(text) else {
                    throw CronCommand.usageError("--after: \(text) is not an ISO-8601 instant like 2026-03-08T01:00:00-05:00")
                }
                return date
            } ?? Date()
            let outputZone = cron.timeZoneOverride ?? zone
            for date in cron.upcoming(after: start, in: zone).prefix(count) {
                print(CronCommand.format(date, in: outputZone))
            }
        }
    }

    /// `etl-builder cron explain "<expr>"`
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Explain a cron expression in English.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The cron expression.")
        var expression: String

        func run() throws {
            print(try CronCommand.parse(expression).explanation)
        }
    }

    // MARK: Shared helpers

    /// Parses the expression, or reports the error on stderr and exits with 2.
    static func parse(_ text: String) throws -> CronExpression {
        do {
            return try CronExpression(text)
        } catch {
            throw usageError(error.description)
        }
    }

    /// Writes `error: <message>` to stderr and returns the exit code 2 to throw.
    static func usageError(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(2)
    }

    /// Accepts `2026-03-08T01:00:00-05:00`, `…Z` and fractional seconds.
    static func parseInstant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions.insert(.withFractionalSeconds)
        return formatter.date(from: text)
    }

    /// `2026-03-08T03:00:00-04:00`: seconds always shown, the zone's offset at that instant.
    static func format(_ date: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date.addingTimeInterval(TimeInterval(offset)))
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(pad(parts.year ?? 0, 4))-\(pad(parts.month ?? 0))-\(pad(parts.day ?? 0))"
            + "T\(pad(parts.hour ?? 0)):\(pad(parts.minute ?? 0)):\(pad(parts.second ?? 0))"
            + "\(sign)\(pad(magnitude / 3600)):\(pad(magnitude / 60 % 60))"
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
