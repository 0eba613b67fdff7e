import Foundation
import Testing

@testable import Store

@Suite("Execution queue (scheduler and executor)")
struct ExecutionQueueStoreTests {
    static let slot = Date(timeIntervalSince1970: 1_737_338_400)  // 2025-01-20T02:00:00Z

    @Test("fireSlots inserts scheduled executions once per slot and moves last_fired_slot only forward", arguments: StoreBackendFactory.all)
    func fireSlots(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let p = try await f.store.makePipeline(status: .active, schedule: "0 2 * * *")
            let fire = SlotFire(pipelineID: p.id, slot: Self.slot, firedAt: Self.slot + 2, skipIfActive: false)
            let first = try await f.store.fireSlots([fire])
            guard case .inserted(let record) = first.first else {
                Issue.record("expected an insert, got \(first)")
                return
            }
            #expect(record.triggerType == .scheduled)
            #expect(record.scheduledFor == Self.slot)
            #expect(record.firedAt == Self.slot + 2)
            #expect(record.id == fire.executionID)
            #expect(try await f.store.fireSlots([SlotFire(pipelineID: p.id, slot: Self.slot, firedAt: Self.slot, skipIfActive: false)]) == [.slotTaken])
            let earlier = SlotFire(pipelineID: p.id, slot: Self.slot - 86_400, firedAt: Self.slot, skipIfActive: false)
            #expect(try await f.store.fireSlots([earlier]).count == 1)
            #expect(try await f.store.pipeline(id: p.id)?.lastFiredSlot == Self.slot)
            #expect(try await f.store.fireSlots([SlotFire(pipelineID: UUID(), slot: Self.slot, firedAt: Self.slot, skipIfActive: false)]) == [.pipelineMissing])
        }
    }

    @Test("skipIfActive skips while a pending or running execution exists", arguments: StoreBackendFactory.all)
    func skipIfActive(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let p = try await f.store.makePipeline(status: .active, schedule: "0 2 * * *")
            let running = try await f.store.enqueue(p.id)
            #expect(try await f.store.activeExecutions(pipelineID: p.id).map(\.id) == [running.id])
            let fire = SlotFire(pipelineID: p.id, slot: Self.slot, firedAt: Self.slot, skipIfActive: true)
            #expect(try await f.store.fireSlots([fire]) == [.skippedActive])
            _ = try await f.store.finishExecution(id: running.id, ExecutionCompletion(status: .success))
            #expect(try await f.store.activeExecutions(pipelineID: p.id).isEmpty)
            guard case .inserted = try await f.store.fireSlots([fire]).first else {
                Issue.record("expected an insert once nothing is active")
                return
            }
        }
    }

    @Test("claims skip excluded pipelines and executions whose not_before is in the future", arguments: StoreBackendFactory.all)
    func claimGating(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let busy = try await f.store.makePipeline()
            let other = try await f.store.makePipeline()
            _ = try await f.store.enqueue(busy.id)
            let deferred = try await f.store.insertExecution(
                NewExecution(pipelineID: other.id, triggerType: .retry, attempt: 2, notBefore: f.clock.now + 30))
            guard case .inserted(let retry) = deferred else {
                Issue.record("retry not inserted")
                return
            }
            #expect(retry.notBefore == Timestamp.normalize(f.clock.now + 30))
            #expect(try await f.store.claimNextExecution(node: "n", excludingPipelines: [busy.id]) == nil)
            #expect(try await f.store.nextDeferredExecution() == Timestamp.normalize(f.clock.now + 30))
            f.clock.advance(by: 30)
            #expect(try await f.store.nextDeferredExecution() == nil)
            #expect(try await f.store.claimNextExecution(node: "n", excludingPipelines: [busy.id])?.id == retry.id)
            #expect(try await f.store.claimNextExecution(node: "n")?.pipelineID == busy.id)
        }
    }
}
