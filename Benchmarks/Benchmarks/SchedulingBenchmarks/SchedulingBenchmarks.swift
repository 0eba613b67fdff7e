import Benchmark
import Foundation
import Logging
import Pipelines
import Scheduling
@_spi(Testing) import Store

/// Timer wheel: insert and cancel cost for 1 000 000 timers and bytes per timer (goal ≤ 64 B);
/// real-clock fire lag for 1 000 schedules due in the same second (goal p99 ≤ 10 ms).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 10
    )

    let timerCount = 1_000_000
    let start: Int64 = 1_772_000_000
    // Deadlines spread over a year, so every level of the wheel is used.
    var generator = SystemRandomNumberGenerator()
    let deadlines = (0..<timerCount).map { _ in start + Int64.random(in: 1...31_536_000, using: &generator) }
    // Generated up front: `UUID()` costs more than an insert.
    let values = (0..<timerCount).map { _ in UUID() }
    let bytesPerTimer = BenchmarkMetric.custom("bytes per timer", polarity: .prefersSmaller, useScalingFactor: false)

    Benchmark("wheel insert 1M timers", configuration: .init(metrics: [.wallClock, .mallocCountTotal, bytesPerTimer])) {
        benchmark in
        var wheel = TimerWheel<UUID>(start: start)
        benchmark.startMeasurement()
        for (value, deadline) in zip(values, deadlines) { wheel.schedule(value, at: deadline) }
        benchmark.stopMeasurement()
        benchmark.measurement(bytesPerTimer, wheel.storageBytes / wheel.count)
        blackHole(wheel)
    }

    Benchmark("wheel cancel 1M timers") { benchmark in
        var wheel = TimerWheel<UUID>(start: start)
        let handles = zip(values, deadlines).map { wheel.schedule($0, at: $1) }
        benchmark.startMeasurement()
        for handle in handles { blackHole(wheel.cancel(handle)) }
        benchmark.stopMeasurement()
    }

    Benchmark("wheel fire 1M timers (advance through a year)") { benchmark in
        var wheel = TimerWheel<UUID>(start: start)
        for (value, deadline) in zip(values, deadlines) { wheel.schedule(value, at: deadline) }
        benchmark.startMeasurement()
        while let next = wheel.nextWakeup { blackHole(wheel.advance(to: next)) }
        benchmark.stopMeasurement()
    }

    let lagP50 = BenchmarkMetric.custom("fire lag p50 (µs)", polarity: .prefersSmaller, useScalingFactor: false)
    let lagP99 = BenchmarkMetric.custom("fire lag p99 (µs)", polarity: .prefersSmaller, useScalingFactor: false)
    let enqueueP99 = BenchmarkMetric.custom("enqueue lag p99 (µs)", polarity: .prefersSmaller, useScalingFactor: false)
    Benchmark(
        "fire lag, 1000 schedules due in the same second (real clock, SQLite file)",
        configuration: .init(metrics: [lagP50, lagP99, enqueueP99], maxIterations: 3)
    ) { benchmark in
        let result = try await FireLagRun.measure(schedules: 1_000)
        benchmark.measurement(lagP50, result.fireLagP50)
        benchmark.measurement(lagP99, result.fireLagP99)
        benchmark.measurement(enqueueP99, result.enqueueLagP99)
    }
}

/// One real-clock run: 1 000 pipelines whose 6-field schedule names the same second, a
/// scheduler on the system clock, and the lags read back from the store.
enum FireLagRun {
    struct Result {
        /// `fired_at − scheduled_for`: how late the wheel woke and took the timer.
        var fireLagP50: Int
        var fireLagP99: Int
        /// `queued_at − scheduled_for`: when the execution row was written.
        var enqueueLagP99: Int
    }

    struct NoRunner: PipelineRunner {
        func run(_ request: ExecutionRequest, events: ExecutionEvents) async throws -> ExecutionOutcome {
            ExecutionOutcome(rowsProcessed: 0, dataSizeBytes: 0)
        }
    }

    static func measure(schedules: Int) async throws -> Result {
        var logger = Logger(label: "scheduling-benchmark")
        logger.logLevel = .critical
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sched-bench-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try await SQLiteMetadataStore.open(
            path: path, cipher: try SecretCipher(key: SecretCipher.generateKey()), logger: logger)
        _ = try await store.migrate()
        for index in 0..<schedules {
            _ = try await store.createPipeline(
                NewPipeline(
                    name: "bench-\(index)", status: .active, config: "{}", schedule: "0 0 1 1 *", scheduleTimezone: "UTC",
                    policy: PipelinePolicy(overlapPolicy: .allow)))
        }
        // Due 2 s from now (whole second, UTC), set once the pipelines exist so creating them cannot make it a misfire.
        let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 2).rounded(.down))
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: due)
        _ = try await store.rawQuery(
            "UPDATE pipelines SET schedule = ?1", [.text("\(c.second!) \(c.minute!) \(c.hour!) \(c.day!) \(c.month!) *")])
        let events = ExecutionEvents()
        let runtime = SchedulingRuntime(
            store: store, events: events, runner: NoRunner(),
            configuration: SchedulingConfiguration(defaults: SchedulingDefaults(timeZone: TimeZone(identifier: "UTC")!)),
            logger: logger)
        let task = Task { try await runtime.run() }
        while Date() < due.addingTimeInterval(1.5) { try await Task.sleep(for: .milliseconds(100)) }
        task.cancel()
        _ = try? await task.value
        let executions = try await store.listExecutions(filter: ExecutionFilter(), page: PageRequest(page: 1, pageSize: schedules))
            .items.map(\.execution)
        try await store.close()
        precondition(executions.count == schedules, "expected \(schedules) executions, got \(executions.count)")
        func micros(_ values: [Double], _ p: Double) -> Int {
            let sorted = values.sorted()
            return Int(sorted[min(sorted.count - 1, Int(p * Double(sorted.count)))] * 1e6)
        }
        let fire = executions.map { $0.firedAt!.timeIntervalSince($0.scheduledFor!) }
        let enqueue = executions.map { $0.queuedAt.timeIntervalSince($0.scheduledFor!) }
        return Result(fireLagP50: micros(fire, 0.5), fireLagP99: micros(fire, 0.99), enqueueLagP99: micros(enqueue, 0.99))
    }
}
