import SQLiteNIO

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SQLiteMetadataStore {
    static let executionColumnNames = [
        "id", "pipeline_id", "status", "trigger_type", "scheduled_for", "params", "attempt", "retry_of", "fired_at",
        "queued_at", "started_at", "completed_at", "duration_seconds", "rows_processed", "data_size_bytes",
        "error_message", "failed_node_id", "triggered_by", "claimed_by", "not_before",
    ]
    static let executionColumns = executionColumnNames.joined(separator: ", ")
    static let executionColumnsE = executionColumnNames.map { "e.\($0)" }.joined(separator: ", ")

    static func decodeExecution(_ row: SQLiteRow) throws(StoreError) -> ExecutionRecord {
        let r = RowReader(row)
        return ExecutionRecord(
            id: try r.uuid("id"), pipelineID: try r.uuid("pipeline_id"), status: try r.enumValue("status"),
            triggerType: try r.enumValue("trigger_type"), scheduledFor: try r.optDate("scheduled_for"),
            params: try r.text("params"), attempt: try r.int("attempt"), retryOf: try r.optUUID("retry_of"),
            firedAt: try r.optDate("fired_at"), queuedAt: try r.date("queued_at"), startedAt: try r.optDate("started_at"),
            completedAt: try r.optDate("completed_at"), durationSeconds: try r.optDouble("duration_seconds"),
            rowsProcessed: try r.int64("rows_processed"), dataSizeBytes: try r.int64("data_size_bytes"),
            errorMessage: try r.optText("error_message"), failedNodeID: try r.optText("failed_node_id"),
            triggeredBy: try r.optUUID("triggered_by"), claimedBy: try r.optText("claimed_by"),
            notBefore: try r.optDate("not_before"))
    }

    public func insertExecution(_ execution: NewExecution) async throws(StoreError) -> ExecutionInsertResult {
        let now = now()
        let rows = try await transaction(
            foreignKey: .invalidArgument("retry_of or triggered_by names a missing execution or user")
        ) { db in
            let pipeline = try await db.query("SELECT 1 AS found FROM pipelines WHERE id = ?1", [.uuid(execution.pipelineID)])
            guard !pipeline.isEmpty else {
                throw StoreError.notFound(entity: "pipeline", id: execution.pipelineID.uuidString.lowercased())
            }
            // The slot's unique constraint decides: a second insert for it returns no row.
            return try await db.query(
                """
                INSERT INTO executions (id, pipeline_id, status, trigger_type, scheduled_for, params, attempt, retry_of,
                                        fired_at, queued_at, triggered_by, not_before)
                VALUES (?1, ?2, 'pending', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                ON CONFLICT (pipeline_id, scheduled_for) DO NOTHING
                RETURNING \(Self.executionColumns)
                """,
                [
                    .uuid(execution.id), .uuid(execution.pipelineID), .text(execution.triggerType.rawValue),
                    .timestamp(execution.scheduledFor.map(Timestamp.normalize)), .text(execution.params),
                    .int(execution.attempt), .uuid(execution.retryOf),
                    .timestamp(execution.firedAt.map(Timestamp.normalize)), .timestamp(now), .uuid(execution.triggeredBy),
                    .timestamp(execution.notBefore.map(Timestamp.normalize)),
                ])
        }
        guard let row = rows.first else { return .slotTaken }
        return .inserted(try Self.decodeExecution(row))
    }

    public func execution(id: UUID) async throws(StoreError) -> ExecutionRecord? {
        let rows = try await access { db in
            try await db.query("SELECT \(Self.executionColumns) FROM executions WHERE id = ?1", [.uuid(id)])
        }
        return try rows.first.map { row throws(StoreError) in try Self.decodeExecution(row) }
    }

    public func listExecutions(filter: ExecutionFilter, page: PageRequest) async throws(StoreError)
        -> Page<ExecutionSummary>
    {
        let page = try page.validated()
        var binds = SQLBinds()
        var conditions: [String] = []
        if let pipelineID = filter.pipelineID { conditions.append("e.pipeline_id = \(binds.add(.uuid(pipelineID)))") }
        if let status = filter.status { conditions.append("e.status = \(binds.add(.text(status.rawValue)))") }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let countSQL = "SELECT count(*) AS n FROM executions e \(whereClause)"
        let countBinds = binds.values
        let listSQL = """
            SELECT \(Self.executionColumnsE), p.name AS pipeline_name
            FROM executions e JOIN pipelines p ON p.id = e.pipeline_id
            \(whereClause)
            ORDER BY e.queued_at DESC, e.id DESC
            LIMIT \(binds.add(.int(page.pageSize))) OFFSET \(binds.add(.int(page.offset)))
            """
        let listBinds = binds.values
        let (rows, total) = try await access { db in
            (try await db.query(listSQL, listBinds), try Self.count(try await db.query(countSQL, countBinds)))
        }
        let items = try rows.map { row throws(StoreError) in
            ExecutionSummary(execution: try Self.decodeExecution(row), pipelineName: try RowReader(row).text("pipeline_name"))
        }
        return Page(items: items, total: total, page: page.page, pageSize: page.pageSize)
    }

    public func lastExecutions(pipelineIDs: [UUID]) async throws(StoreError) -> [UUID: ExecutionRecord] {
        guard !pipelineIDs.isEmpty else { return [:] }
        var binds = SQLBinds()
        let list = binds.list(pipelineIDs.map { .uuid($0) })
        let sql = """
            SELECT \(Self.executionColumns) FROM (
                SELECT e.*, row_number() OVER (PARTITION BY e.pipeline_id ORDER BY e.queued_at DESC, e.id DESC) AS rn
                FROM executions e WHERE e.pipeline_id IN (\(list))
            ) AS latest WHERE rn = 1
            """
        let values = binds.values
        let rows = try await access { db in try await db.query(sql, values) }
        var result: [UUID: ExecutionRecord] = [:]
        for row in rows {
            let execution = try Self.decodeExecution(row)
            result[execution.pipelineID] = execution
        }
        return result
    }

    public func claimNextExecution(node: String, excludingPipelines: Set<UUID>) async throws(StoreError)
        -> ExecutionRecord?
    {
        let now = now()
        var binds = SQLBinds()
        let nowBind = binds.add(.timestamp(now))
        let nodeBind = binds.add(.text(node))
        let exclusion =
            excludingPipelines.isEmpty
            ? "" : "AND pipeline_id NOT IN (\(binds.list(excludingPipelines.map { .uuid($0) })))"
        // PostgreSQL twin: add `FOR UPDATE SKIP LOCKED` to the subquery.
        let sql = """
            UPDATE executions SET status = 'running', started_at = \(nowBind), claimed_by = \(nodeBind)
            WHERE status = 'pending' AND id = (
                SELECT id FROM executions
                WHERE status = 'pending' AND (not_before IS NULL OR not_before <= \(nowBind)) \(exclusion)
                ORDER BY queued_at, id LIMIT 1
            )
            RETURNING \(Self.executionColumns)
            """
        let values = binds.values
        let rows = try await transaction { db in try await db.query(sql, values) }
        return try rows.first.map { row throws(StoreError) in try Self.decodeExecution(row) }
    }

    public func nextDeferredExecution() async throws(StoreError) -> Date? {
        let now = now()
        let rows = try await access { db in
            try await db.query(
                "SELECT min(not_before) AS due FROM executions WHERE status = 'pending' AND not_before > ?1",
                [.timestamp(now)])
        }
        return try rows.first.flatMap { row throws(StoreError) in try RowReader(row).optDate("due") }
    }

    public func activeExecutions(pipelineID: UUID) async throws(StoreError) -> [ExecutionRecord] {
        let rows = try await access { db in
            try await db.query(
                """
                SELECT \(Self.executionColumns) FROM executions
                WHERE pipeline_id = ?1 AND status IN ('pending', 'running') ORDER BY queued_at, id
                """,
                [.uuid(pipelineID)])
        }
        return try rows.map { row throws(StoreError) in try Self.decodeExecution(row) }
    }

    public func fireSlots(_ fires: [SlotFire]) async throws(StoreError) -> [SlotFireResult] {
        guard !fires.isEmpty else { return [] }
        let now = now()
        return try await transaction { db in
            var results: [SlotFireResult] = []
            results.reserveCapacity(fires.count)
            for fire in fires {
                let slot = Timestamp.normalize(fire.slot)
                let pipeline = try await db.query(
                    """
                    UPDATE pipelines SET last_fired_slot = ?2
                    WHERE id = ?1 AND (last_fired_slot IS NULL OR last_fired_slot < ?2) RETURNING id
                    """,
                    [.uuid(fire.pipelineID), .timestamp(slot)])
                if pipeline.isEmpty {
                    let exists = try await db.query("SELECT 1 AS found FROM pipelines WHERE id = ?1", [.uuid(fire.pipelineID)])
                    if exists.isEmpty {
                        results.append(.pipelineMissing)
                        continue
                    }
                }
                if fire.skipIfActive {
                    let active = try await db.query(
                        "SELECT 1 AS found FROM executions WHERE pipeline_id = ?1 AND status IN ('pending', 'running') LIMIT 1",
                        [.uuid(fire.pipelineID)])
                    if !active.isEmpty {
                        results.append(.skippedActive)
                        continue
                    }
                }
                let rows = try await db.query(
                    """
                    INSERT INTO executions (id, pipeline_id, status, trigger_type, scheduled_for, fired_at, queued_at)
                    VALUES (?1, ?2, 'pending', 'scheduled', ?3, ?4, ?5)
                    ON CONFLICT (pipeline_id, scheduled_for) DO NOTHING
                    RETURNING \(Self.executionColumns)
                    """,
                    [
                        .uuid(fire.executionID), .uuid(fire.pipelineID), .timestamp(slot),
                        .timestamp(Timestamp.normalize(fire.firedAt)), .timestamp(now),
                    ])
                results.append(try rows.first.map { row throws(StoreError) in .inserted(try Self.decodeExecution(row)) } ?? .slotTaken)
            }
            return results
        }
    }

    public func updateExecutionProgress(id: UUID, rowsProcessed: Int64, dataSizeBytes: Int64) async throws(StoreError) {
        let rows = try await transaction { db in
            try await db.query(
                "UPDATE executions SET rows_processed = ?2, data_size_bytes = ?3 WHERE id = ?1 RETURNING id",
                [.uuid(id), .int64(rowsProcessed), .int64(dataSizeBytes)])
        }
        _ = try Self.single(rows, entity: "execution", id: id)
    }

    public func finishExecution(id: UUID, _ completion: ExecutionCompletion) async throws(StoreError) -> ExecutionRecord {
        guard completion.status.isFinal else {
            throw .invalidArgument("an execution can only finish as success, failed or cancelled (got \(completion.status.rawValue))")
        }
        let now = now()
        let rows = try await transaction { db in
            let current = try await db.query(
                "SELECT status, started_at FROM executions WHERE id = ?1", [.uuid(id)])
            guard let row = current.first else {
                throw StoreError.notFound(entity: "execution", id: id.uuidString.lowercased())
            }
            let r = RowReader(row)
            let status: ExecutionStatus = try r.enumValue("status")
            guard !status.isFinal else {
                throw StoreError.invalidState(entity: "execution", reason: "is already \(status.rawValue)")
            }
            let duration = try r.optDate("started_at").map { max(0, now.timeIntervalSince($0)) }
            let finished = try await db.query(
                """
                UPDATE executions SET status = ?2, completed_at = ?3, duration_seconds = ?4,
                    rows_processed = COALESCE(?5, rows_processed), data_size_bytes = COALESCE(?6, data_size_bytes),
                    error_message = ?7, failed_node_id = ?8
                WHERE id = ?1
                RETURNING \(Self.executionColumns)
                """,
                [
                    .uuid(id), .text(completion.status.rawValue), .timestamp(now), .real(duration),
                    completion.rowsProcessed.map { .int64($0) } ?? .null,
                    completion.dataSizeBytes.map { .int64($0) } ?? .null,
                    .optText(completion.errorMessage), .optText(completion.failedNodeID),
                ])
            if completion.status == .success, !completion.nodeState.isEmpty, let pipeline = finished.first {
                let pipelineID = try RowReader(pipeline).uuid("pipeline_id")
                for (nodeID, state) in completion.nodeState {
                    _ = try await db.query(
                        """
                        INSERT INTO pipeline_node_state (pipeline_id, node_id, state, updated_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (pipeline_id, node_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
                        """,
                        [.uuid(pipelineID), .text(nodeID), .text(state), .timestamp(now)])
                }
            }
            return finished
        }
        return try Self.decodeExecution(try Self.single(rows, entity: "execution", id: id))
    }

    public func nodeState(pipelineID: UUID) async throws(StoreError) -> [String: String] {
        let rows = try await access { db in
            try await db.query("SELECT node_id, state FROM pipeline_node_state WHERE pipeline_id = ?1", [.uuid(pipelineID)])
        }
        var states: [String: String] = [:]
        for row in rows {
            let reader = RowReader(row)
            states[try reader.text("node_id")] = try reader.text("state")
        }
        return states
    }

    public func markInterruptedExecutions(node: String?, message: String) async throws(StoreError) -> [UUID] {
        let now = now()
        return try await transaction { db in
            let running: [SQLiteRow]
            if let node {
                running = try await db.query(
                    "SELECT id, started_at FROM executions WHERE status = 'running' AND claimed_by = ?1", [.text(node)])
            } else {
                running = try await db.query("SELECT id, started_at FROM executions WHERE status = 'running'")
            }
            var ids: [UUID] = []
            for row in running {
                let r = RowReader(row)
                let id = try r.uuid("id")
                let duration = try r.optDate("started_at").map { max(0, now.timeIntervalSince($0)) }
                _ = try await db.query(
                    """
                    UPDATE executions SET status = 'failed', error_message = ?2, completed_at = ?3, duration_seconds = ?4
                    WHERE id = ?1 AND status = 'running'
                    """,
                    [.uuid(id), .text(message), .timestamp(now), .real(duration)])
                ids.append(id)
            }
            return ids
        }
    }

    public func countExecutionsByStatus(pipelineID: UUID?) async throws(StoreError) -> [ExecutionStatus: Int] {
        let rows = try await access { db in
            if let pipelineID {
                return try await db.query(
                    "SELECT status, count(*) AS n FROM executions WHERE pipeline_id = ?1 GROUP BY status",
                    [.uuid(pipelineID)])
            }
            return try await db.query("SELECT status, count(*) AS n FROM executions GROUP BY status")
        }
        var counts = Dictionary(uniqueKeysWithValues: ExecutionStatus.allCases.map { ($0, 0) })
        for row in rows {
            let r = RowReader(row)
            counts[try r.enumValue("status", as: ExecutionStatus.self)] = try r.int("n")
        }
        return counts
    }
}
