import SQLiteNIO

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// Execution logs, per-node metrics and the audit trail.
extension SQLiteMetadataStore {
    /// Rows per multi-row `INSERT` of log lines (7 binds each).
    static let logInsertChunk = 200

    public func appendExecutionLogs(executionID: UUID, _ lines: [NewExecutionLog]) async throws(StoreError)
        -> [ExecutionLogRecord]
    {
        guard !lines.isEmpty else { return [] }
        return try await transaction(foreignKey: .notFound(entity: "execution", id: executionID.uuidString.lowercased())) {
            db in
            var seq = Int64(
                try Self.count(
                    try await db.query(
                        "SELECT COALESCE(MAX(seq), 0) AS n FROM execution_logs WHERE execution_id = ?1",
                        [.uuid(executionID)])))
            var records: [ExecutionLogRecord] = []
            records.reserveCapacity(lines.count)
            for line in lines {
                seq += 1
                records.append(
                    ExecutionLogRecord(
                        executionID: executionID, seq: seq, timestamp: Timestamp.normalize(line.timestamp),
                        level: line.level, nodeID: line.nodeID, message: line.message, metadata: line.metadata))
            }
            var start = 0
            while start < records.count {
                let chunk = records[start..<min(start + Self.logInsertChunk, records.count)]
                var binds = SQLBinds()
                let tuples = chunk.map { line in
                    let values: [SQLiteData] = [
                        .uuid(line.executionID), .int64(line.seq), .timestamp(line.timestamp), .text(line.level.rawValue),
                        .optText(line.nodeID), .text(line.message), .text(line.metadata),
                    ]
                    return "(\(binds.list(values)))"
                }
                _ = try await db.query(
                    """
                    INSERT INTO execution_logs (execution_id, seq, logged_at, level, node_id, message, metadata)
                    VALUES \(tuples.joined(separator: ", "))
                    """,
                    binds.values)
                start += Self.logInsertChunk
            }
            return records
        }
    }

    public func executionLogs(executionID: UUID, filter: ExecutionLogFilter, page: PageRequest) async throws(StoreError)
        -> Page<ExecutionLogRecord>
    {
        let page = try page.validated()
        var binds = SQLBinds()
        var conditions = ["execution_id = \(binds.add(.uuid(executionID)))"]
        if let level = filter.level { conditions.append("level = \(binds.add(.text(level.rawValue)))") }
        if let nodeID = filter.nodeID { conditions.append("node_id = \(binds.add(.text(nodeID)))") }
        let whereClause = "WHERE " + conditions.joined(separator: " AND ")
        let countSQL = "SELECT count(*) AS n FROM execution_logs \(whereClause)"
        let countBinds = binds.values
        let listSQL = """
            SELECT execution_id, seq, logged_at, level, node_id, message, metadata FROM execution_logs \(whereClause)
            ORDER BY seq LIMIT \(binds.add(.int(page.pageSize))) OFFSET \(binds.add(.int(page.offset)))
            """
        let listBinds = binds.values
        let (rows, total) = try await access { db in
            (try await db.query(listSQL, listBinds), try Self.count(try await db.query(countSQL, countBinds)))
        }
        let items = try rows.map { row throws(StoreError) in
            let r = RowReader(row)
            return ExecutionLogRecord(
                executionID: try r.uuid("execution_id"), seq: try r.int64("seq"), timestamp: try r.date("logged_at"),
                level: try r.enumValue("level"), nodeID: try r.optText("node_id"), message: try r.text("message"),
                metadata: try r.text("metadata"))
        }
        return Page(items: items, total: total, page: page.page, pageSize: page.pageSize)
    }

    public func upsertNodeMetrics(_ metrics: NodeMetricsRecord) async throws(StoreError) {
        let now = now()
        try await transaction(foreignKey: .notFound(entity: "execution", id: metrics.executionID.uuidString.lowercased())) {
            db in
            _ = try await db.query(
                """
                INSERT INTO execution_node_metrics (execution_id, node_id, rows_input, rows_output, rows_filtered,
                    duration_seconds, memory_peak_mb, cpu_percent, first_seen_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
                ON CONFLICT (execution_id, node_id) DO UPDATE SET
                    rows_input = excluded.rows_input, rows_output = excluded.rows_output,
                    rows_filtered = excluded.rows_filtered, duration_seconds = excluded.duration_seconds,
                    memory_peak_mb = excluded.memory_peak_mb, cpu_percent = excluded.cpu_percent,
                    updated_at = excluded.updated_at
                """,
                [
                    .uuid(metrics.executionID), .text(metrics.nodeID), .int64(metrics.rowsInput),
                    .int64(metrics.rowsOutput), .int64(metrics.rowsFiltered), .float(metrics.durationSeconds),
                    .real(metrics.memoryPeakMB), .real(metrics.cpuPercent), .timestamp(now),
                ])
        }
    }

    public func nodeMetrics(executionID: UUID) async throws(StoreError) -> [NodeMetricsRecord] {
        let rows = try await access { db in
            try await db.query(
                """
                SELECT execution_id, node_id, rows_input, rows_output, rows_filtered, duration_seconds, memory_peak_mb,
                       cpu_percent
                FROM execution_node_metrics WHERE execution_id = ?1 ORDER BY first_seen_at, node_id
                """,
                [.uuid(executionID)])
        }
        return try rows.map { row throws(StoreError) in
            let r = RowReader(row)
            return NodeMetricsRecord(
                executionID: try r.uuid("execution_id"), nodeID: try r.text("node_id"), rowsInput: try r.int64("rows_input"),
                rowsOutput: try r.int64("rows_output"), rowsFiltered: try r.int64("rows_filtered"),
                durationSeconds: try r.double("duration_seconds"), memoryPeakMB: try r.optDouble("memory_peak_mb"),
                cpuPercent: try r.optDouble("cpu_percent"))
        }
    }

    public func appendAuditEvent(_ event: AuditEventRecord) async throws(StoreError) {
        try await transaction { db in
            _ = try await db.query(
                """
                INSERT INTO audit_events (id, at, user_id, action, target_type, target_id, details)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """,
                [
                    .uuid(event.id), .timestamp(Timestamp.normalize(event.at)), .uuid(event.userID), .text(event.action),
                    .text(event.targetType), .optText(event.targetID), .text(event.details),
                ])
        }
    }

    public func listAuditEvents(page: PageRequest) async throws(StoreError) -> Page<AuditEventRecord> {
        let page = try page.validated()
        let (rows, total) = try await access { db in
            let total = try Self.count(try await db.query("SELECT count(*) AS n FROM audit_events"))
            let rows = try await db.query(
                """
                SELECT id, at, user_id, action, target_type, target_id, details FROM audit_events
                ORDER BY at DESC, id DESC LIMIT ?1 OFFSET ?2
                """,
                [.int(page.pageSize), .int(page.offset)])
            return (rows, total)
        }
        let items = try rows.map { row throws(StoreError) in
            let r = RowReader(row)
            return AuditEventRecord(
                id: try r.uuid("id"), at: try r.date("at"), userID: try r.optUUID("user_id"), action: try r.text("action"),
                targetType: try r.text("target_type"), targetID: try r.optText("target_id"), details: try r.text("details"))
        }
        return Page(items: items, total: total, page: page.page, pageSize: page.pageSize)
    }
}
