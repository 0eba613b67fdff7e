import Foundation
import Testing

@testable import Store

@Suite("Execution logs, node metrics and audit events")
struct EventStoreTests {
    @Test("log lines get consecutive seq numbers across batches and filter by level and node", arguments: StoreBackendFactory.all)
    func logs(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let p = try await f.store.makePipeline()
            let e = try await f.store.enqueue(p.id)
            let t = f.clock.now
            let first = try await f.store.appendExecutionLogs(
                executionID: e.id,
                [
                    NewExecutionLog(timestamp: t, level: .info, nodeID: "node-1", message: "Extracted 15000 rows",
                        metadata: #"{"duration_ms":2350}"#),
                    NewExecutionLog(timestamp: t + 1, level: .debug, nodeID: "node-1", message: "batch 1"),
                ])
            #expect(first.map(\.seq) == [1, 2])
            let second = try await f.store.appendExecutionLogs(
                executionID: e.id,
                [
                    NewExecutionLog(timestamp: t + 2, level: .warning, nodeID: "node-2", message: "Removed 150 duplicates"),
                    NewExecutionLog(timestamp: t + 3, level: .error, message: "failed"),
                ])
            #expect(second.map(\.seq) == [3, 4])
            #expect(try await f.store.appendExecutionLogs(executionID: e.id, []).isEmpty)

            let all = try await f.store.executionLogs(executionID: e.id, filter: .init(), page: PageRequest())
            #expect(all.total == 4)
            #expect(all.items == first + second)
            #expect(all.items.first?.metadata == #"{"duration_ms":2350}"#)
            #expect(all.items.first?.timestamp == Timestamp.normalize(t))

            let node1 = try await f.store.executionLogs(
                executionID: e.id, filter: .init(nodeID: "node-1"), page: PageRequest())
            #expect(node1.items.map(\.seq) == [1, 2])
            let errors = try await f.store.executionLogs(executionID: e.id, filter: .init(level: .error), page: PageRequest())
            #expect(errors.items.map(\.message) == ["failed"])
            #expect(errors.items.first?.nodeID == nil)
            let paged = try await f.store.executionLogs(
                executionID: e.id, filter: .init(), page: PageRequest(page: 2, pageSize: 3))
            #expect(paged.items.map(\.seq) == [4])
            #expect(paged.total == 4)

            let ghost = UUID()
            await expectStoreError(.notFound(entity: "execution", id: ghost.uuidString.lowercased())) {
                try await f.store.appendExecutionLogs(
                    executionID: ghost, [NewExecutionLog(timestamp: t, level: .info, message: "x")])
            }
        }
    }

    @Test("a large batch of log lines is stored whole and in order", arguments: StoreBackendFactory.all)
    func largeLogBatch(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let p = try await f.store.makePipeline()
            let e = try await f.store.enqueue(p.id)
            let lines = (0..<1_234).map {
                NewExecutionLog(timestamp: f.clock.now, level: .info, nodeID: "n", message: "line \($0)")
            }
            let stored = try await f.store.appendExecutionLogs(executionID: e.id, lines)
            #expect(stored.last?.seq == 1_234)
            let page = try await f.store.executionLogs(
                executionID: e.id, filter: .init(), page: PageRequest(page: 13, pageSize: 100))
            #expect(page.total == 1_234)
            #expect(page.items.map(\.message) == (1_200..<1_234).map { "line \($0)" })
        }
    }

    @Test("node metrics upsert per node and list in first-report order", arguments: StoreBackendFactory.all)
    func metrics(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let p = try await f.store.makePipeline()
            let e = try await f.store.enqueue(p.id)
            try await f.store.upsertNodeMetrics(
                NodeMetricsRecord(executionID: e.id, nodeID: "node-2", rowsInput: 10, rowsOutput: 5))
            f.clock.advance(by: 1)
            try await f.store.upsertNodeMetrics(
                NodeMetricsRecord(executionID: e.id, nodeID: "node-1", rowsOutput: 15_000, durationSeconds: 2.35,
                    memoryPeakMB: 125.5, cpuPercent: 35.2))
            f.clock.advance(by: 1)
            let final = NodeMetricsRecord(
                executionID: e.id, nodeID: "node-2", rowsInput: 15_000, rowsOutput: 14_850, rowsFiltered: 150,
                durationSeconds: 1.8, memoryPeakMB: 98.3, cpuPercent: 28.5)
            try await f.store.upsertNodeMetrics(final)
            let metrics = try await f.store.nodeMetrics(executionID: e.id)
            #expect(metrics.map(\.nodeID) == ["node-2", "node-1"])
            #expect(metrics.first == final)
            #expect(metrics.last?.memoryPeakMB == 125.5)
            #expect(try await f.store.nodeMetrics(executionID: UUID()).isEmpty)
            let ghost = UUID()
            await expectStoreError(.notFound(entity: "execution", id: ghost.uuidString.lowercased())) {
                try await f.store.upsertNodeMetrics(NodeMetricsRecord(executionID: ghost, nodeID: "n"))
            }
        }
    }

    @Test("audit events list newest first, paged", arguments: StoreBackendFactory.all)
    func audit(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let user = try await f.store.makeUser()
            let base = f.clock.now
            for i in 0..<5 {
                try await f.store.appendAuditEvent(
                    AuditEventRecord(at: base + Double(i), userID: i == 0 ? nil : user.id, action: "pipeline.update",
                        targetType: "pipeline", targetID: "p-\(i)", details: #"{"i":\#(i)}"#))
            }
            let page = try await f.store.listAuditEvents(page: PageRequest(page: 1, pageSize: 2))
            #expect(page.total == 5)
            #expect(page.items.map(\.targetID) == ["p-4", "p-3"])
            #expect(page.items.first?.details == #"{"i":4}"#)
            #expect(page.items.first?.userID == user.id)
            let last = try await f.store.listAuditEvents(page: PageRequest(page: 3, pageSize: 2))
            #expect(last.items.map(\.targetID) == ["p-0"])
            #expect(last.items.first?.userID == nil)
            #expect(last.items.first?.at == Timestamp.normalize(base))
        }
    }
}
