import Benchmark
import Cron
import Foundation

/// Parse and `next` for typical expressions. Goal: `next` at most 500 ns
/// (median) with no allocation in steady state.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .nanoseconds,
        warmupIterations: 1_000,
        maxDuration: .seconds(2),
        maxIterations: 1_000_000
    )

    let typical = [
        ("every 15 minutes", "*/15 * * * *"),
        ("daily 02:30", "30 2 * * *"),
        ("weekdays 9-17", "0 9-17 * * MON-FRI"),
        ("last Friday", "0 0 * * 5L"),
        ("leap day", "0 0 29 2 *"),
        ("seconds", "*/10 * * * * *"),
    ]
    let zones = [("UTC", TimeZone(identifier: "UTC")!), ("New York", TimeZone(identifier: "America/New_York")!)]
    let start = Date(timeIntervalSince1970: 1_772_000_000)  // 2026-02-25

    // The cost of an empty loop, so the figures below can be read net of the harness.
    Benchmark("baseline empty iteration", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for index in benchmark.scaledIterations {
            blackHole(index)
        }
    }

    for (name, text) in typical {
        Benchmark("parse \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try CronExpression(text))
            }
        }
        let expression = try! CronExpression(text)
        for (zoneName, zone) in zones {
            // Each iteration asks for the time after the previous answer, so
            // the benchmark walks a real sequence (through DST changes too).
            Benchmark("next \(name) \(zoneName)", configuration: .init(scalingFactor: .kilo)) { benchmark in
                var cursor = start
                _ = expression.next(after: cursor, in: zone)
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    cursor = expression.next(after: cursor, in: zone) ?? start
                }
                blackHole(cursor)
            }
        }
    }

    Benchmark("previous daily 02:30 New York", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let expression = try! CronExpression("30 2 * * *")
        let zone = TimeZone(identifier: "America/New_York")!
        var cursor = start
        for _ in benchmark.scaledIterations {
            cursor = expression.previous(before: cursor, in: zone) ?? start
        }
        blackHole(cursor)
    }
}
