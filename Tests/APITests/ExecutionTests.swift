import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@Suite("Execution routes")
struct ExecutionTests {
    /// A pipeline with a finished execution carrying the document's logs and metrics, plus a pending one.
    static func seed(_ harness: APIHarness) async throws -> (pipeline: PipelineRecord, done: UUID, pending: UUID) {
        let pipeline = try await harness.pipeline()
        guard case .inserted(let done) = try await harness.store.insertExecution(
            NewExecution(pipelineID: pipeline.id, triggerType: .scheduled, scheduledFor: Date(timeIntervalSince1970: 1_737_338_400)))
        else { throw CancellationError() }
        _ = try await harness.store.claimNextExecution(node: "test")
        _ = try await harness.store.appendExecutionLogs(executionID: done.id, [
            NewExecutionLog(
                timestamp: Date(timeIntervalSince1970: 1_737_338_405), level: .info, nodeID: "node-1",
                message: "Extracted 15000 rows from PostgreSQL", metadata: #"{"duration_ms": 2350}"#),
            NewExecutionLog(
                timestamp: Date(timeIntervalSince1970: 1_737_338_410), level: .info, nodeID: "node-2",
                message: "Removed 150 duplicate rows", metadata: #"{"rows_before": 15000, "rows_after": 14850}"#),
            NewExecutionLog(timestamp: Date(timeIntervalSince1970: 1_737_338_411), level: .warning, nodeID: "node-2", message: "slow"),
        ])
        try await harness.store.upsertNodeMetrics(NodeMetricsRecord(
            executionID: done.id, nodeID: "node-1", rowsInput: 0, rowsOutput: 15000, durationSeconds: 2.35, memoryPeakMB: 125.5,
            cpuPercent: 35.2))
        try await harness.store.upsertNodeMetrics(NodeMetricsRecord(
            executionID: done.id, nodeID: "node-2", rowsInput: 15000, rowsOutput: 14850, rowsFiltered: 150, durationSeconds: 1.8,
            memoryPeakMB: 98.3, cpuPercent: 28.5))
        _ = try await harness.store.finishExecution(
            id: done.id, ExecutionCompletion(status: .success, rowsProcessed: 15000, dataSizeBytes: 1_048_576))
        guard case .inserted(let pending) = try await harness.store.insertExecution(
            NewExecution(pipelineID: pipeline.id, triggerType: .manual))
        else { throw CancellationError() }
        return (pipeline, done.id, pending.id)
    }

    @Test("list has the document's row fields, filters by pipeline and status, paginates")
    func list() async throws {
        let harness = try await APIHarness.make()
        let seeded = try await Self.seed(harness)
        try await harness.run { api in
            let all = try await api.send(.get, "/api/v1/executions", as: .viewer)
            #expect(all.status == .ok && all.json["total"] as? Int == 2 && all.json["page_size"] as? Int == 20)
            #expect(all.headers[.init("X-Total-Count")!] == "2")
            let success = try await api.send(.get, "/api/v1/executions?status=success&pipeline_id=\(seeded.pipeline.id)", as: .viewer)
            let rows = try #require(success.json["executions"] as? [[String: Any]])
            #expect(rows.count == 1)
            let row = rows[0]
            #expect(Set(row.keys) == [
                "id", "pipeline_id", "pipeline_name", "status", "trigger_type", "started_at", "completed_at", "duration_seconds",
                "rows_processed", "data_size_bytes",
            ])
            #expect(row["pipeline_name"] as? String == "Customer Data Pipeline")
            #expect(row["trigger_type"] as? String == "scheduled" && row["data_size_bytes"] as? Int == 1_048_576)
            let other = try await api.send(.get, "/api/v1/executions?pipeline_id=\(UUID())", as: .viewer)
            #expect(other.json["total"] as? Int == 0)
            let bad = try await api.send(.get, "/api/v1/executions?pipeline_id=nope", as: .viewer)
            #expect(bad.status == .unprocessableContent && bad.isError("VALIDATION_ERROR"))
        }
    }

    @Test("get, logs (level, node_id, total) and metrics follow the document")
    func detailLogsMetrics() async throws {
        let harness = try await APIHarness.make()
        let seeded = try await Self.seed(harness)
        try await harness.run { api in
            let detail = try await api.send(.get, "/api/v1/executions/\(seeded.done)", as: .viewer)
            #expect(detail.status == .ok && detail.json["status"] as? String == "success")
            #expect(detail.json["scheduled_for"] as? String == "2025-01-20T02:00:00Z")
            #expect(detail.json["attempt"] as? Int == 1)

            let logs = try await api.send(.get, "/api/v1/executions/\(seeded.done)/logs?level=INFO", as: .viewer)
            #expect(logs.json["total"] as? Int == 2)
            let lines = try #require(logs.json["logs"] as? [[String: Any]])
            #expect(lines[0]["timestamp"] as? String == "2025-01-20T02:00:05Z")
            #expect(lines[0]["level"] as? String == "INFO" && lines[0]["node_id"] as? String == "node-1")
            #expect(lines[0]["message"] as? String == "Extracted 15000 rows from PostgreSQL")
            #expect((lines[0]["metadata"] as? [String: Int]) == ["duration_ms": 2350])
            #expect((lines[1]["metadata"] as? [String: Int]) == ["rows_before": 15000, "rows_after": 14850])
            let byNode = try await api.send(.get, "/api/v1/executions/\(seeded.done)/logs?node_id=node-2", as: .viewer)
            #expect(byNode.json["total"] as? Int == 2)
            let badLevel = try await api.send(.get, "/api/v1/executions/\(seeded.done)/logs?level=LOUD", as: .viewer)
            #expect(badLevel.status == .unprocessableContent)

            let metrics = try await api.send(.get, "/api/v1/executions/\(seeded.done)/metrics", as: .viewer)
            let nodes = try #require(metrics.json["nodes"] as? [[String: Any]])
            #expect(nodes.count == 2)
            #expect(nodes[0]["node_id"] as? String == "node-1" && nodes[0]["rows_output"] as? Int == 15000)
            #expect(nodes[0]["duration_seconds"] as? Double == 2.35 && nodes[0]["memory_peak_mb"] as? Double == 125.5)
            #expect(nodes[1]["rows_filtered"] as? Int == 150 && nodes[1]["cpu_percent"] as? Double == 28.5)

            let missing = try await api.send(.get, "/api/v1/executions/\(UUID())/logs", as: .viewer)
            #expect(missing.status == .notFound && missing.isError("EXECUTION_NOT_FOUND"))
        }
    }

    @Test("cancel: pending becomes cancelled, a finished execution is a 409")
    func cancel() async throws {
        let harness = try await APIHarness.make()
        let seeded = try await Self.seed(harness)
        try await harness.run { api in
            let cancelled = try await api.send(.post, "/api/v1/executions/\(seeded.pending)/cancel", as: .developer)
            #expect(cancelled.status == .ok && cancelled.json["status"] as? String == "cancelled")
            #expect(try await harness.store.execution(id: seeded.pending)?.status == .cancelled)
            let again = try await api.send(.post, "/api/v1/executions/\(seeded.done)/cancel", as: .developer)
            #expect(again.status == .conflict && again.isError("EXECUTION_FINISHED"))
        }
    }
}
