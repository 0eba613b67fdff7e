import Foundation
import MetricsTestKit
import Store
import Testing

@testable import Scheduling

@Suite("Scheduling metrics")
struct SchedulingMetricsTests {
    @Test("every fire records its lag; slots are counted as enqueued or already taken")
    func fireLagAndSlots() async throws {
        try await SchedulingFixture.with { f in
            let metrics = TestMetrics()
            _ = try await f.pipeline("* * * * *")
            func scheduler() -> Scheduler {
                Scheduler(
                    store: f.store, events: f.events, control: RecordingControl(), clock: f.clock,
                    defaults: SchedulingFixture.defaults, metrics: SchedulingMetrics(factory: metrics),
                    logger: SchedulingFixture.logger)
            }
            let first = scheduler()
            let second = scheduler()
            try await first.start()
            try await second.start()
            // Both schedulers see each minute's slot; the store gives it to one of them.
            for minute in 1...3 {
                f.clock.advance(to: monday.addingTimeInterval(Double(minute * 60)))
                await first.fireDueTimers()
                await second.fireDueTimers()
            }

            let lag = try metrics.expectTimer(SchedulingMetricNames.fireLag)
            #expect(lag.values.count == 6)  // three slots, each fired by both schedulers
            #expect(lag.values.allSatisfy { $0 >= 0 })
            #expect(try metrics.expectCounter(SchedulingMetricNames.slots, [("result", "enqueued")]).totalValue == 3)
            #expect(try metrics.expectCounter(SchedulingMetricNames.slots, [("result", "taken")]).totalValue == 3)
            let totals = (await first.snapshot().fireLag.total, await second.snapshot().fireLag.total)
            #expect(totals == (3, 3))
        }
    }

    @Test("finished executions are counted by status with their duration")
    func finishedExecutions() async throws {
        try await SchedulingFixture.with { f in
            let metrics = TestMetrics()
            var configuration = ExecutorTests.configuration()
            configuration.metricsFactory = metrics
            let runtime = SchedulingRuntime(
                store: f.store, events: f.events, runner: TestRunner.succeeding(), configuration: configuration,
                clock: f.clock, random: { 0 }, logger: SchedulingFixture.logger)
            let pipeline = try await f.pipeline(nil)
            guard case .inserted(let execution) = try await f.store.insertExecution(
                NewExecution(pipelineID: pipeline.id, triggerType: .manual))
            else { throw CancellationError() }
            try await ExecutorTests.running(runtime) {
                try await f.eventually("the run to succeed") { try await f.store.execution(id: execution.id)?.status == .success }
            }
            let finished = try metrics.expectCounter(SchedulingMetricNames.executionsFinished, [("status", "success")])
            #expect(finished.totalValue == 1)
            #expect(try metrics.expectTimer(SchedulingMetricNames.executionDuration).values.count == 1)
        }
    }
}
