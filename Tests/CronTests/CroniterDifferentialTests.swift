import Cron
import Foundation
import TestProcesses
import Testing

/// Differential test against croniter (PyPI) in UTC. Needs `python3` with
/// croniter installed (`pip install croniter==7.0.0`); skipped otherwise.
@Suite struct CroniterDifferentialTests {
    static let script = """
        import sys
        from datetime import datetime, timezone
        from croniter import croniter
        for line in sys.stdin:
            expression, start = line.rstrip("\\n").split("\\t")
            it = croniter(expression, datetime.fromtimestamp(int(start), tz=timezone.utc))
            print(",".join(str(int(it.get_next(float))) for _ in range(10)))
        """

    static func python(_ arguments: [String], input: String = "") -> (status: Int32, output: String) {
        guard let result = try? ChildProcess.run("python3", arguments, stdin: Data(input.utf8)) else { return (-1, "") }
        return (result.status, result.output)
    }

    /// Whether a field has a range like `2-2` or `2-2/3`.
    static func hasOneValueRange(_ field: Substring) -> Bool {
        field.split(separator: ",").contains { item in
            let ends = item.split(separator: "/")[0].split(separator: "-")
            return ends.count == 2 && ends[0] == ends[1]
        }
    }

    static let croniterAvailable = python(["-c", "import croniter"]).status == 0

    @Test(.enabled(if: croniterAvailable, "croniter is not installed: pip install croniter==7.0.0"))
    func nextTimesAgreeWithCroniterInUTC() throws {
        var generator = ExpressionGenerator(random: SeededRandom(seed: 2026))
        // croniter reads `L`, `W`, `#`, `?` and `*/n` in the day fields differently or not at all.
        generator.withExtensions = false
        // croniter 7.0.0 also treats one-value ranges (`23-23`, `2-2/1`) as `*` and
        // wraps weekday steps (`7/2`); the brute-force oracle covers those forms.
        var random = SeededRandom(seed: 11)
        var cases: [(expression: CronExpression, text: String, start: Int)] = []
        while cases.count < 500 {
            let text = generator.next().text
            let fields = text.split(separator: " ")
            guard !fields[2].hasPrefix("*/"), !fields[4].contains("/"), !fields.contains(where: Self.hasOneValueRange),
                let cron = try? CronExpression(text)
            else { continue }
            cases.append((cron, text, PropertyTests.windowStart(&random) + Int.random(in: 0..<86_400, using: &random)))
        }
        let input = cases.map { "\($0.text)\t\($0.start)\n" }.joined()
        let (status, output) = Self.python(["-c", Self.script], input: input)
        try #require(status == 0, "croniter script failed")
        let lines = output.split(separator: "\n")
        try #require(lines.count == cases.count)
        for (line, testCase) in zip(lines, cases) {
            let expected = line.split(separator: ",").map { String($0) }
            let actual = testCase.expression.upcoming(after: Date(timeIntervalSince1970: TimeInterval(testCase.start)), in: utc)
                .prefix(10).map { String(Int($0.timeIntervalSince1970)) }
            #expect(actual == expected, "\(testCase.text) after \(testCase.start)")
        }
    }
}
