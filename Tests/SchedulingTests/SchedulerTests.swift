import Foundation
import Pipelines
import SQLiteNIO
@_spi(Testing) import Store
import Testing

@testable import Scheduling

@Suite("Scheduler")
struct SchedulerTests {
    static func utc(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    @Test("a week of mixed schedules across a DST change fires exactly the expected slots, once each, on time")
    func dstWeek() async throws {
        // 2025-03-27 (Thu) to 2025-04-03 (Thu): Europe/Paris springs forward on 2025-03-30 at 02:00.
        let start = Self.utc("2025-03-27T00:00:00Z")
        try await SchedulingFixture.with(start: start) { f in
            let daily = try await f.pipeline("30 2 * * *", zone: "Europe/Paris")
            let hourly = try await f.pipeline("0 * * * *", zone: "Europe/Paris")
            let quarter = try await f.pipeline("*/15 * * * *")
            let weekdays = try await f.pipeline("0 9 * * 1-5", zone: "America/New_York")
            let scheduler = f.scheduler()
            try await scheduler.start()
            await f.run(scheduler, until: start.addingTimeInterval(7 * 86_400 - 1))

            // 02:30 does not exist on the 30th: it fires once, at 03:00 CEST (cronie); CET before, CEST after.
            #expect(
                try await f.scheduledSlots(of: daily.id) == [
                    "2025-03-27T01:30:00Z", "2025-03-28T01:30:00Z", "2025-03-29T01:30:00Z", "2025-03-30T01:00:00Z",
                    "2025-03-31T00:30:00Z", "2025-04-01T00:30:00Z", "2025-04-02T00:30:00Z",
                ].map(Self.utc))
            // Wildcard hours follow real time: 168 hours in the week, 672 quarters.
            let hours = try await f.scheduledSlots(of: hourly.id)
            #expect(hours.count == 168)
            #expect(hours == (0..<168).map { start.addingTimeInterval(Double($0) * 3600) })
            #expect(try await f.scheduledSlots(of: quarter.id).count == 672)
            #expect(
                try await f.scheduledSlots(of: weekdays.id) == [
                    "2025-03-27T13:00:00Z", "2025-03-28T13:00:00Z", "2025-03-31T13:00:00Z", "2025-04-01T13:00:00Z",
                    "2025-04-02T13:00:00Z",
                ].map(Self.utc))
            for pipeline in [daily, hourly, quarter, weekdays] {
                for execution in try await f.executions(of: pipeline.id) {
                    #expect(execution.triggerType == .scheduled)
                    #expect(execution.firedAt == execution.scheduledFor)
                }
            }
            let snapshot = await scheduler.snapshot()
            #expect(snapshot.slotsEnqueued == 7 + 168 + 672 + 5)
            #expect(snapshot.fireLag.max == 0)
            #expect(try await f.store.pipeline(id: quarter.id)?.lastFiredSlot == Self.utc("2025-04-02T23:45:00Z"))
        }
    }

    @Test("misfire policies after a 3-day outage", arguments: [MisfirePolicy.skip, .runOnce, .catchUp])
    func misfire(policy: MisfirePolicy) async throws {
        try await SchedulingFixture.with { f in
            let p = try await f.pipeline("0 * * * *", policy: PipelinePolicy(misfirePolicy: policy, maxCatchUp: 5))
            let before = f.scheduler()
            try await before.start()
            await f.run(before, until: monday.addingTimeInterval(2 * 3600))  // fires 00:00, 01:00 and 02:00
            #expect(try await f.scheduledSlots(of: p.id).count == 3)

            // The daemon is down for 3 days; it comes back at 02:30 on Thursday.
            let back = monday.addingTimeInterval(3 * 86_400 + 2 * 3600 + 1800)
            f.clock.advance(to: back)
            let after = f.scheduler()
            try await after.start()
            let missed = try await f.scheduledSlots(of: p.id).dropFirst(3)
            let lastMissed = monday.addingTimeInterval(3 * 86_400 + 2 * 3600)
            switch policy {
            case .skip: #expect(missed.isEmpty)
            case .runOnce: #expect(Array(missed) == [lastMissed])
            case .catchUp: #expect(Array(missed) == (0..<5).reversed().map { lastMissed.addingTimeInterval(Double(-$0) * 3600) })
            }
            for execution in try await f.executions(of: p.id).dropFirst(3) {
                #expect(execution.firedAt == back)
            }
            // And the schedule goes on from there.
            await f.run(after, until: back.addingTimeInterval(3600))
            #expect(try await f.scheduledSlots(of: p.id).last == lastMissed.addingTimeInterval(3600))
        }
    }

    @Test("overlap allow and queue enqueue every slot; forbid skips while a run is active", arguments: [OverlapPolicy.allow, .queue, .forbid])
    func overlapEnqueueOrSkip(policy: OverlapPolicy) async throws {
        try await SchedulingFixture.with { f in
            let p = try await f.pipeline("* * * * *", policy: PipelinePolicy(overlapPolicy: policy))
            let scheduler = f.scheduler()
            try await scheduler.start()
            await f.run(scheduler, until: monday.addingTimeInterval(180))  // 3 slots; the first stays pending
            let slots = try await f.scheduledSlots(of: p.id)
            #expect(slots.count == (policy == .forbid ? 1 : 4))
            let snapshot = await scheduler.snapshot()
            #expect(snapshot.slotsSkipped == (policy == .forbid ? 3 : 0))
            // Skipped slots still count as fired: a restart does not run them as misfires.
            #expect(try await f.store.pipeline(id: p.id)?.lastFiredSlot == monday.addingTimeInterval(180))
        }
    }

    @Test("overlap replace cancels the running execution, then enqueues the new slot")
    func overlapReplace() async throws {
        try await SchedulingFixture.with { f in
            let p = try await f.pipeline("* * * * *", policy: PipelinePolicy(overlapPolicy: .replace))
            let control = RecordingControl()
            let scheduler = f.scheduler(control: control)
            try await scheduler.start()
            await f.run(scheduler, until: monday)
            let running = try #require(try await f.store.claimNextExecution(node: "test"))
            await f.run(scheduler, until: monday.addingTimeInterval(60))
            #expect(control.cancelled == [running.id])
            #expect(try await f.scheduledSlots(of: p.id) == [monday, monday.addingTimeInterval(60)])
            #expect(control.enqueuedSignals == 2)
        }
    }

    @Test("10 000 pipelines due in the same second are each enqueued exactly once, even by two schedulers")
    func tenThousand() async throws {
        try await SchedulingFixture.with { f in
            let count = 10_000
            _ = try await f.store.rawQuery("BEGIN")
            for index in 0..<count {
                _ = try await f.store.rawQuery(
                    """
                    INSERT INTO pipelines (id, name, status, version, config, schedule, is_scheduled, created_at, updated_at)
                    VALUES (?1, ?2, 'active', '1.0.0', '{}', '0 2 * * *', 1, '2025-03-23T00:00:00.000000Z', '2025-03-23T00:00:00.000000Z')
                    """, [.text(UUID().uuidString.lowercased()), .text("bulk-\(index)")])
            }
            _ = try await f.store.rawQuery("COMMIT")
            let pendingEvents = f.events.subscribe()
            let first = f.scheduler()
            let second = f.scheduler()  // a second instance racing for the same slots
            try await first.start()
            try await second.start()
            let slot = monday.addingTimeInterval(2 * 3600)
            f.clock.advance(to: slot)
            async let a: Void = first.fireDueTimers()
            async let b: Void = second.fireDueTimers()
            _ = await (a, b)
            let rows = try await f.store.rawQuery(
                "SELECT count(*) AS n, count(DISTINCT pipeline_id) AS p FROM executions WHERE scheduled_for = ?1 AND trigger_type = 'scheduled'",
                [.text("2025-03-24T02:00:00.000000Z")])
            #expect(rows.first?.column("n")?.integer == count)
            #expect(rows.first?.column("p")?.integer == count)
            let (one, two) = (await first.snapshot(), await second.snapshot())
            #expect(one.slotsEnqueued + two.slotsEnqueued == count)
            #expect(one.slotsTaken + two.slotsTaken == count)
            f.events.finish()
            var published = 0
            for await event in pendingEvents {
                if case .status(_, .pending, _, _, _) = event { published += 1 }
            }
            #expect(published == count)
        }
    }

    @Test("schedule edits, pauses and deletes take effect at once")
    func edits() async throws {
        try await SchedulingFixture.with { f in
            let p = try await f.pipeline("0 * * * *")
            let scheduler = f.scheduler()
            try await scheduler.start()
            #expect(await scheduler.nextWakeup == monday)
            await f.run(scheduler, until: monday)  // fires 00:00

            _ = try await f.store.updatePipeline(id: p.id, PipelineUpdate(schedule: .some("*/5 * * * *")))
            try await scheduler.pipelineChanged(id: p.id)
            #expect(await scheduler.snapshot().schedules.map(\.nextSlot) == [monday.addingTimeInterval(300)])
            await f.run(scheduler, until: monday.addingTimeInterval(3600 - 1))
            #expect(try await f.scheduledSlots(of: p.id).count == 1 + 11)

            _ = try await f.store.updatePipeline(id: p.id, PipelineUpdate(status: .paused))
            try await scheduler.pipelineChanged(id: p.id)
            #expect(await scheduler.nextWakeup == nil)
            await f.run(scheduler, until: monday.addingTimeInterval(7200))
            #expect(try await f.scheduledSlots(of: p.id).count == 12)

            // Resumed: nothing missed while paused runs; the next slot does.
            _ = try await f.store.updatePipeline(id: p.id, PipelineUpdate(status: .active))
            try await scheduler.pipelineChanged(id: p.id)
            await f.run(scheduler, until: monday.addingTimeInterval(7200 + 300))
            #expect(try await f.scheduledSlots(of: p.id).suffix(2) == [monday.addingTimeInterval(7200), monday.addingTimeInterval(7500)])

            let created = try await f.pipeline("30 * * * *")
            try await scheduler.pipelineChanged(id: created.id)
            await scheduler.pipelineRemoved(id: p.id)
            #expect(await scheduler.snapshot().schedules.map(\.pipelineID) == [created.id])
        }
    }

    @Test("new defaults (a configuration reload) re-arm the pipelines without their own zone at once")
    func liveDefaults() async throws {
        try await SchedulingFixture.with { f in
            let floating = try await f.pipeline("0 2 * * *")
            let pinned = try await f.pipeline("0 2 * * *", zone: "UTC")
            let scheduler = f.scheduler()
            try await scheduler.start()
            func nextSlot(_ id: UUID) async -> Date? {
                await scheduler.snapshot().schedules.first { $0.pipelineID == id }?.nextSlot
            }
            let twoUTC = monday.addingTimeInterval(2 * 3600)
            #expect(await nextSlot(floating.id) == twoUTC)
            var paris = SchedulingFixture.defaults
            paris.timeZone = TimeZone(identifier: "Europe/Paris")!
            await scheduler.updateDefaults(paris)
            #expect(await nextSlot(floating.id) == monday.addingTimeInterval(3600), "02:00 CET is 01:00 UTC")
            #expect(await nextSlot(pinned.id) == twoUTC, "a pipeline with its own zone keeps it")
            await f.run(scheduler, until: monday.addingTimeInterval(3 * 3600))
            #expect(try await f.scheduledSlots(of: floating.id) == [monday.addingTimeInterval(3600)])
        }
    }

    @Test("jitter is a fixed per-pipeline delay: fired_at = slot + offset, scheduled_for = slot")
    func jitter() async throws {
        try await SchedulingFixture.with { f in
            let p = try await f.pipeline("0 * * * *", policy: PipelinePolicy(jitterSeconds: 900))
            let offset = FixedJitter(maximumSeconds: 900).offset(for: p.id)
            #expect(offset == FixedJitter(maximumSeconds: 900).offset(for: p.id))
            #expect((0...900).contains(offset))
            let spread = Set((0..<500).map { _ in FixedJitter(maximumSeconds: 900).offset(for: UUID()) })
            #expect(spread.count > 300)
            let scheduler = f.scheduler()
            try await scheduler.start()
            await f.run(scheduler, until: monday.addingTimeInterval(3 * 3600))
            let executions = try await f.executions(of: p.id)
            #expect(executions.count == 3)
            for execution in executions {
                let slot = try #require(execution.scheduledFor)
                #expect(execution.firedAt == slot.addingTimeInterval(Double(offset)))
            }
        }
    }

    @Test("pipelines with an invalid schedule or zone are not armed; the others are")
    func invalidSchedules() async throws {
        try await SchedulingFixture.with { f in
            _ = try await f.store.rawQuery(
                """
                INSERT INTO pipelines (id, name, status, version, config, schedule, is_scheduled, created_at, updated_at)
                VALUES ('00000000-0000-0000-0000-000000000001', 'bad', 'active', '1.0.0', '{}', 'not cron', 1,
                        '2025-03-23T00:00:00.000000Z', '2025-03-23T00:00:00.000000Z')
                """)
            try await f.pipeline("0 * * * *", zone: "Mars/Olympus")
            let good = try await f.pipeline("0 * * * *")
            let scheduler = f.scheduler()
            try await scheduler.start()
            #expect(await scheduler.snapshot().schedules.map(\.pipelineID) == [good.id])
        }
    }
}
