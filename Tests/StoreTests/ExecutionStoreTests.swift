import Foundation
import Testing

@testable import Store

@Suite("Executions")
struct ExecutionStoreTests {
    static let slot = Date(timeIntervalSince1970: 1_737_338_400)  // 2025-01-20T02:00:00Z

    @Test("a slot runs once: the second insert for it is slotTaken; manual runs never conflict", arguments: StoreBackendFactory.all)
    func slotUniqueness(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let p = try await f.store.makePipeline(status: .active, schedule: "0 2 * * *")
            let other = try await f.store.makePipeline()
            let first = try await f.store.insertExecution(
                NewExecution(pipelineID: p.id, triggerType: .scheduled, scheduledFor: Self.slot, firedAt: Self.slot + 3))
            guard case .inserted(let record) = first else {
                Issue.record("first insert should win")
                return
            }
            #expect(record.status == .pending)
            #expect(record.scheduledFor == Self.slot)
            #expect(record.firedAt == Self.slot + 3)
            #expect(record.attempt == 1)
            #expect(record.queuedAt == Timestamp.normalize(f.clock.now))

            let second = try await f.store.insertExecution(
                NewExecution(pipelineID: p.id, triggerType: .scheduled, scheduledFor: Self.slot))
            #expect(second == .slotTaken)
            // Same slot, another pipeline: fine. Next slot: fine.
            _ = try await f.store.enqueue(other.id, slot: Self.slot, trigger: .scheduled)
            _ = try await f.store.enqueue(p.id, slot: Self.slot + 3600, trigger: .scheduled)
            // NULL slots (manual runs) never collide.
            _ = try await f.store.enqueue(p.id)
            _ = try await f.store.enqueue(p.id)
            #expect(try await f.store.countExecutionsByStatus(pipelineID: p.id)[.pending] == 4)

            let ghost = UUID()
            await expectStoreError(.notFound(entity: "pipeline", id: ghost.uuidString.lowercased())) {
                try await f.store.insertExecution(NewExecution(pipelineID: ghost, triggerType: .manual))
            }
        }
    }

    @Test("retries reference the execution they retry", arguments: StoreBackendFactory.all)
    func retryLink(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let user = try await f.store.makeUser()
            let p = try await f.store.makePipeline()
            let original = try await f.store.enqueue(p.id)
            guard case .inserted(let retry) = try await f.store.insertExecution(
                NewExecution(pipelineID: p.id, triggerType: .retry, params: #"{"a":1}"#, attempt: 2, retryOf: original.id,
                    triggeredBy: user.id))
            else {
                Issue.record("retry insert failed")
                return
            }
            #expect(retry.retryOf == original.id)
            #expect(retry.attempt == 2)
            #expect(retry.params == #"{"a":1}"#)
            #expect(retry.triggeredBy == user.id)
            #expect(try await f.store.execution(id: retry.id) == retry)
            await expectStoreError(.invalidArgument("retry_of or triggered_by names a missing execution or user")) {
                try await f.store.insertExecution(NewExecution(pipelineID: p.id, triggerType: .retry, retryOf: UUID()))
            }
        }
    }

    @Test("claims take the oldest pending execution and mark it running", arguments: StoreBackendFactory.all)
    func claimOrder(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let p = try await f.store.makePipeline()
            let a = try await f.store.enqueue(p.id)
            f.clock.advance(by: 1)
            let b = try await f.store.enqueue(p.id)
            f.clock.advance(by: 1)
            let claimed = try #require(try await f.store.claimNextExecution(node: "node-a"))
            #expect(claimed.id == a.id)
            #expect(claimed.status == .running)
            #expect(claimed.claimedBy == "node-a")
            #expect(claimed.startedAt == Timestamp.normalize(f.clock.now))
            #expect(try await f.store.claimNextExecution(node: "node-b")?.id == b.id)
            #expect(try await f.store.claimNextExecution(node: "node-b") == nil)
        }
    }

    @Test("concurrent claimers never take the same execution", arguments: StoreBackendFactory.all)
    func concurrentClaims(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let p = try await f.store.makePipeline()
            var ids: Set<UUID> = []
            for _ in 0..<40 { ids.insert(try await f.store.enqueue(p.id).id) }
            let store = f.store
            let claimed = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var mine: [UUID] = []
                        while let execution = try await store.claimNextExecution(node: "worker-\(worker)") {
                            mine.append(execution.id)
                        }
                        return mine
                    }
                }
                var all: [UUID] = []
                for try await batch in group { all += batch }
                return all
            }
            #expect(claimed.count == 40)
            #expect(Set(claimed) == ids)
            #expect(try await f.store.countExecutionsByStatus(pipelineID: nil)[.running] == 40)
        }
    }

    @Test("finishing stamps completion and duration once; final executions cannot change", arguments: StoreBackendFactory.all)
    func finish(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let p = try await f.store.makePipeline()
            let e = try await f.store.enqueue(p.id)
            _ = try await f.store.claimNextExecution(node: "n")
            try await f.store.updateExecutionProgress(id: e.id, rowsProcessed: 500, dataSizeBytes: 2048)
            #expect(try await f.store.execution(id: e.id)?.rowsProcessed == 500)
            f.clock.advance(by: 330)
            let done = try await f.store.finishExecution(
                id: e.id, ExecutionCompletion(status: .success, rowsProcessed: 15_000, dataSizeBytes: 1_048_576))
            #expect(done.status == .success)
            #expect(done.durationSeconds == 330)
            #expect(done.completedAt == Timestamp.normalize(f.clock.now))
            #expect(done.rowsProcessed == 15_000)
            #expect(done.dataSizeBytes == 1_048_576)

            await expectStoreError(.invalidState(entity: "execution", reason: "is already success")) {
                try await f.store.finishExecution(id: e.id, ExecutionCompletion(status: .failed))
            }
            await expectStoreError(
                .invalidArgument("an execution can only finish as success, failed or cancelled (got running)")
            ) { try await f.store.finishExecution(id: e.id, ExecutionCompletion(status: .running)) }

            let failing = try await f.store.enqueue(p.id)
            _ = try await f.store.claimNextExecution(node: "n")
            let failed = try await f.store.finishExecution(
                id: failing.id, ExecutionCompletion(status: .failed, errorMessage: "boom", failedNodeID: "node-2"))
            #expect(failed.errorMessage == "boom")
            #expect(failed.failedNodeID == "node-2")
            #expect(failed.rowsProcessed == 0)

            let neverStarted = try await f.store.enqueue(p.id)
            let cancelled = try await f.store.finishExecution(id: neverStarted.id, ExecutionCompletion(status: .cancelled))
            #expect(cancelled.durationSeconds == nil)
            #expect(cancelled.status == .cancelled)

            let ghost = UUID()
            await expectStoreError(.notFound(entity: "execution", id: ghost.uuidString.lowercased())) {
                try await f.store.finishExecution(id: ghost, ExecutionCompletion(status: .success))
            }
            await expectStoreError(.notFound(entity: "execution", id: ghost.uuidString.lowercased())) {
                try await f.store.updateExecutionProgress(id: ghost, rowsProcessed: 1, dataSizeBytes: 1)
            }
        }
    }

    @Test("listing filters by pipeline and status, joins the pipeline name, newest first", arguments: StoreBackendFactory.all)
    func list(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let a = try await f.store.makePipeline("Alpha")
            let b = try await f.store.makePipeline("Beta")
            var ids: [UUID] = []
            for i in 0..<5 {
                ids.append(try await f.store.enqueue(i.isMultiple(of: 2) ? a.id : b.id).id)
                f.clock.advance(by: 1)
            }
            _ = try await f.store.finishExecution(id: ids[4], ExecutionCompletion(status: .cancelled))

            let all = try await f.store.listExecutions(filter: .init(), page: PageRequest(page: 1, pageSize: 2))
            #expect(all.total == 5)
            #expect(all.items.map(\.execution.id) == [ids[4], ids[3]])
            #expect(all.items.map(\.pipelineName) == ["Alpha", "Beta"])

            let alpha = try await f.store.listExecutions(filter: .init(pipelineID: a.id), page: PageRequest())
            #expect(alpha.total == 3)
            #expect(alpha.items.allSatisfy { $0.pipelineName == "Alpha" })

            let alphaPending = try await f.store.listExecutions(
                filter: .init(pipelineID: a.id, status: .pending), page: PageRequest())
            #expect(alphaPending.items.map(\.execution.id) == [ids[2], ids[0]])

            let cancelled = try await f.store.listExecutions(filter: .init(status: .cancelled), page: PageRequest())
            #expect(cancelled.items.map(\.execution.id) == [ids[4]])
        }
    }

    @Test("the last execution of each pipeline comes from one query", arguments: StoreBackendFactory.all)
    func lastExecutions(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let a = try await f.store.makePipeline()
            let b = try await f.store.makePipeline()
            let idle = try await f.store.makePipeline()
            _ = try await f.store.enqueue(a.id)
            f.clock.advance(by: 1)
            let lastA = try await f.store.enqueue(a.id)
            let lastB = try await f.store.enqueue(b.id)
            let last = try await f.store.lastExecutions(pipelineIDs: [a.id, b.id, idle.id])
            #expect(last.count == 2)
            #expect(last[a.id]?.id == lastA.id)
            #expect(last[b.id]?.id == lastB.id)
            #expect(last[idle.id] == nil)
            #expect(try await f.store.lastExecutions(pipelineIDs: []).isEmpty)
        }
    }

    @Test("interrupted running executions fail with the given message", arguments: StoreBackendFactory.all)
    func interrupted(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let p = try await f.store.makePipeline()
            let mine = try await f.store.enqueue(p.id)
            f.clock.advance(by: 1)
            let theirs = try await f.store.enqueue(p.id)
            f.clock.advance(by: 1)
            let queued = try await f.store.enqueue(p.id)
            _ = try await f.store.claimNextExecution(node: "me")
            _ = try await f.store.claimNextExecution(node: "them")
            f.clock.advance(by: 7)

            #expect(try await f.store.markInterruptedExecutions(node: "me", message: "daemon restarted") == [mine.id])
            let failed = try #require(try await f.store.execution(id: mine.id))
            #expect(failed.status == .failed)
            #expect(failed.errorMessage == "daemon restarted")
            #expect(failed.durationSeconds == 7)
            #expect(try await f.store.execution(id: theirs.id)?.status == .running)

            #expect(try await f.store.markInterruptedExecutions(node: nil, message: "x") == [theirs.id])
            #expect(try await f.store.execution(id: queued.id)?.status == .pending)
            let counts = try await f.store.countExecutionsByStatus(pipelineID: p.id)
            #expect(counts == [.pending: 1, .running: 0, .success: 0, .failed: 2, .cancelled: 0])
            #expect(try await f.store.countExecutionsByStatus(pipelineID: UUID())[.failed] == 0)
        }
    }
}
