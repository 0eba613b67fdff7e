import SQLiteNIO

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SQLiteMetadataStore {
    static let pipelineColumns = """
        p.id, p.name, p.description, p.status, p.version, p.version_seq, p.config, p.schedule, p.schedule_timezone, \
        p.is_scheduled, p.default_params, p.misfire_policy, p.max_catch_up, p.overlap_policy, p.max_active_runs, \
        p.jitter_seconds, p.max_retries, p.retry_backoff_seconds, p.timeout_seconds, p.last_fired_slot, p.created_by, \
        p.created_at, p.updated_at
        """

    /// The version string of the `seq`-th config: `1.0.0`, `1.1.0`, `1.2.0`, …
    static func versionString(seq: Int) -> String { "1.\(seq - 1).0" }

    static func decodePipeline(_ row: SQLiteRow, tags: [String]) throws(StoreError) -> PipelineRecord {
        let r = RowReader(row)
        let policy = PipelinePolicy(
            misfirePolicy: try r.optEnum("misfire_policy"), maxCatchUp: try r.optInt("max_catch_up"),
            overlapPolicy: try r.optEnum("overlap_policy"), maxActiveRuns: try r.optInt("max_active_runs"),
            jitterSeconds: try r.optInt("jitter_seconds"), maxRetries: try r.optInt("max_retries"),
            retryBackoffSeconds: try r.optInt("retry_backoff_seconds"), timeoutSeconds: try r.optInt("timeout_seconds"))
        return PipelineRecord(
            id: try r.uuid("id"), name: try r.text("name"), description: try r.optText("description"),
            status: try r.enumValue("status"), version: try r.text("version"), config: try r.text("config"),
            schedule: try r.optText("schedule"), scheduleTimezone: try r.optText("schedule_timezone"),
            isScheduled: try r.bool("is_scheduled"), tags: tags, defaultParams: try r.text("default_params"),
            policy: policy, lastFiredSlot: try r.optDate("last_fired_slot"), createdBy: try r.optUUID("created_by"),
            createdAt: try r.date("created_at"), updatedAt: try r.date("updated_at"))
    }

    /// Tags of the given pipelines, each list in its stored order.
    static func loadTags(_ ids: [UUID], on connection: SQLiteConnection) async throws -> [UUID: [String]] {
        guard !ids.isEmpty else { return [:] }
        var binds = SQLBinds()
        let list = binds.list(ids.map { .uuid($0) })
        let rows = try await connection.query(
            "SELECT pipeline_id, tag FROM pipeline_tags WHERE pipeline_id IN (\(list)) ORDER BY pipeline_id, position",
            binds.values)
        var tags: [UUID: [String]] = [:]
        for row in rows {
            let r = RowReader(row)
            tags[try r.uuid("pipeline_id"), default: []].append(try r.text("tag"))
        }
        return tags
    }

    /// Rows of `SELECT pipelineColumns FROM pipelines p …` with their tags.
    static func decodePipelines(_ rows: [SQLiteRow], on connection: SQLiteConnection) async throws -> [PipelineRecord] {
        let ids = try rows.map { row throws(StoreError) in try RowReader(row).uuid("id") }
        let tags = try await loadTags(ids, on: connection)
        return try zip(rows, ids).map { row, id throws(StoreError) in try decodePipeline(row, tags: tags[id] ?? []) }
    }

    static func replaceTags(_ tags: [String], of id: UUID, on connection: SQLiteConnection) async throws {
        _ = try await connection.query("DELETE FROM pipeline_tags WHERE pipeline_id = ?1", [.uuid(id)])
        var seen: Set<String> = []
        for (position, tag) in tags.enumerated() where seen.insert(tag).inserted {
            _ = try await connection.query(
                "INSERT INTO pipeline_tags (pipeline_id, tag, position) VALUES (?1, ?2, ?3)",
                [.uuid(id), .text(tag), .int(position)])
        }
    }

    static func fetchPipeline(_ id: UUID, on connection: SQLiteConnection) async throws -> PipelineRecord? {
        let rows = try await connection.query("SELECT \(pipelineColumns) FROM pipelines p WHERE p.id = ?1", [.uuid(id)])
        return try await decodePipelines(rows, on: connection).first
    }

    private static func validate(name: String) throws(StoreError) {
        guard !name.trimmingSpacesForValidation().isEmpty else { throw .invalidArgument("pipeline name must not be empty") }
    }

    public func createPipeline(_ pipeline: NewPipeline) async throws(StoreError) -> PipelineRecord {
        try Self.validate(name: pipeline.name)
        let now = now()
        let p = pipeline.policy
        let createdBy = pipeline.createdBy
        return try await transaction(
            foreignKey: .notFound(entity: "user", id: createdBy?.uuidString.lowercased() ?? "")
        ) { connection in
            _ = try await connection.query(
                """
                INSERT INTO pipelines (id, name, description, status, version, version_seq, config, schedule,
                    schedule_timezone, is_scheduled, default_params, misfire_policy, max_catch_up, overlap_policy,
                    max_active_runs, jitter_seconds, max_retries, retry_backoff_seconds, timeout_seconds, created_by,
                    created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20)
                """,
                [
                    .uuid(pipeline.id), .text(pipeline.name), .optText(pipeline.description),
                    .text(pipeline.status.rawValue), .text(Self.versionString(seq: 1)), .text(pipeline.config),
                    .optText(pipeline.schedule), .optText(pipeline.scheduleTimezone), .flag(pipeline.isScheduled),
                    .text(pipeline.defaultParams), .enumText(p.misfirePolicy), .int(p.maxCatchUp),
                    .enumText(p.overlapPolicy), .int(p.maxActiveRuns), .int(p.jitterSeconds), .int(p.maxRetries),
                    .int(p.retryBackoffSeconds), .int(p.timeoutSeconds), .uuid(createdBy), .timestamp(now),
                ])
            _ = try await connection.query(
                """
                INSERT INTO pipeline_versions (pipeline_id, seq, version, config, changed_by, change_note, created_at)
                VALUES (?1, 1, ?2, ?3, ?4, 'created', ?5)
                """,
                [.uuid(pipeline.id), .text(Self.versionString(seq: 1)), .text(pipeline.config), .uuid(createdBy), .timestamp(now)])
            try await Self.replaceTags(pipeline.tags, of: pipeline.id, on: connection)
            guard let record = try await Self.fetchPipeline(pipeline.id, on: connection) else {
                throw StoreError.notFound(entity: "pipeline", id: pipeline.id.uuidString.lowercased())
            }
            return record
        }
    }

    public func pipeline(id: UUID) async throws(StoreError) -> PipelineRecord? {
        try await access { connection in try await Self.fetchPipeline(id, on: connection) }
    }

    public func listPipelines(filter: PipelineFilter, page: PageRequest) async throws(StoreError) -> Page<PipelineRecord> {
        let page = try page.validated()
        var binds = SQLBinds()
        var conditions: [String] = []
        if let status = filter.status { conditions.append("p.status = \(binds.add(.text(status.rawValue)))") }
        if let search = filter.search, !search.isEmpty {
            conditions.append("lower(p.name) LIKE lower(\(binds.add(.text(likeSubstringPattern(search))))) ESCAPE '\\'")
        }
        if !filter.tags.isEmpty {
            let list = binds.list(filter.tags.map { .text($0) })
            conditions.append("EXISTS (SELECT 1 FROM pipeline_tags t WHERE t.pipeline_id = p.id AND t.tag IN (\(list)))")
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let countSQL = "SELECT count(*) AS n FROM pipelines p \(whereClause)"
        let countBinds = binds.values
        let limit = binds.add(.int(page.pageSize))
        let offset = binds.add(.int(page.offset))
        let listSQL = """
            SELECT \(Self.pipelineColumns) FROM pipelines p \(whereClause)
            ORDER BY p.created_at DESC, p.id DESC LIMIT \(limit) OFFSET \(offset)
            """
        let listBinds = binds.values
        return try await access { connection in
            let total = try Self.count(try await connection.query(countSQL, countBinds))
            let items = try await Self.decodePipelines(try await connection.query(listSQL, listBinds), on: connection)
            return Page(items: items, total: total, page: page.page, pageSize: page.pageSize)
        }
    }

    public func updatePipeline(id: UUID, _ update: PipelineUpdate) async throws(StoreError) -> PipelineRecord {
        if let name = update.name { try Self.validate(name: name) }
        let now = now()
        return try await transaction(
            foreignKey: .notFound(entity: "user", id: update.changedBy?.uuidString.lowercased() ?? "")
        ) { connection in
            let versionRows = try await connection.query(
                "SELECT config, version_seq FROM pipelines WHERE id = ?1", [.uuid(id)])
            guard let current = versionRows.first else {
                throw StoreError.notFound(entity: "pipeline", id: id.uuidString.lowercased())
            }
            let reader = RowReader(current)
            var binds = SQLBinds()
            var sets: [String] = []
            if let name = update.name { sets.append("name = \(binds.add(.text(name)))") }
            if let description = update.description { sets.append("description = \(binds.add(.optText(description)))") }
            if let status = update.status { sets.append("status = \(binds.add(.text(status.rawValue)))") }
            if let schedule = update.schedule { sets.append("schedule = \(binds.add(.optText(schedule)))") }
            if let tz = update.scheduleTimezone { sets.append("schedule_timezone = \(binds.add(.optText(tz)))") }
            if let isScheduled = update.isScheduled { sets.append("is_scheduled = \(binds.add(.flag(isScheduled)))") }
            if let params = update.defaultParams { sets.append("default_params = \(binds.add(.text(params)))") }
            if let p = update.policy {
                sets.append("misfire_policy = \(binds.add(.enumText(p.misfirePolicy)))")
                sets.append("max_catch_up = \(binds.add(.int(p.maxCatchUp)))")
                sets.append("overlap_policy = \(binds.add(.enumText(p.overlapPolicy)))")
                sets.append("max_active_runs = \(binds.add(.int(p.maxActiveRuns)))")
                sets.append("jitter_seconds = \(binds.add(.int(p.jitterSeconds)))")
                sets.append("max_retries = \(binds.add(.int(p.maxRetries)))")
                sets.append("retry_backoff_seconds = \(binds.add(.int(p.retryBackoffSeconds)))")
                sets.append("timeout_seconds = \(binds.add(.int(p.timeoutSeconds)))")
            }
            if let config = update.config, config != (try reader.text("config")) {
                let seq = try reader.int("version_seq") + 1
                let version = Self.versionString(seq: seq)
                sets.append("config = \(binds.add(.text(config)))")
                sets.append("version = \(binds.add(.text(version)))")
                sets.append("version_seq = \(binds.add(.int(seq)))")
                _ = try await connection.query(
                    """
                    INSERT INTO pipeline_versions (pipeline_id, seq, version, config, changed_by, change_note, created_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                    """,
                    [
                        .uuid(id), .int(seq), .text(version), .text(config), .uuid(update.changedBy),
                        .optText(update.changeNote), .timestamp(now),
                    ])
            }
            sets.append("updated_at = \(binds.add(.timestamp(now)))")
            _ = try await connection.query(
                "UPDATE pipelines SET \(sets.joined(separator: ", ")) WHERE id = \(binds.add(.uuid(id)))", binds.values)
            if let tags = update.tags { try await Self.replaceTags(tags, of: id, on: connection) }
            guard let record = try await Self.fetchPipeline(id, on: connection) else {
                throw StoreError.notFound(entity: "pipeline", id: id.uuidString.lowercased())
            }
            return record
        }
    }

    public func deletePipeline(id: UUID) async throws(StoreError) {
        try await transaction { connection in
            let active = try Self.count(
                try await connection.query(
                    "SELECT count(*) AS n FROM executions WHERE pipeline_id = ?1 AND status IN ('pending', 'running')",
                    [.uuid(id)]))
            guard active == 0 else {
                throw StoreError.invalidState(
                    entity: "pipeline",
                    reason: "has \(active) pending or running execution(s); cancel them before deleting it")
            }
            let deleted = try await connection.query("DELETE FROM pipelines WHERE id = ?1 RETURNING id", [.uuid(id)])
            _ = try Self.single(deleted, entity: "pipeline", id: id)
        }
    }

    public func pipelineVersions(pipelineID: UUID) async throws(StoreError) -> [PipelineVersionRecord] {
        let rows = try await access { connection in
            try await connection.query(
                """
                SELECT pipeline_id, seq, version, config, changed_by, change_note, created_at
                FROM pipeline_versions WHERE pipeline_id = ?1 ORDER BY seq DESC
                """,
                [.uuid(pipelineID)])
        }
        return try rows.map { row throws(StoreError) in
            let r = RowReader(row)
            return PipelineVersionRecord(
                pipelineID: try r.uuid("pipeline_id"), seq: try r.int("seq"), version: try r.text("version"),
                config: try r.text("config"), changedBy: try r.optUUID("changed_by"),
                changeNote: try r.optText("change_note"), createdAt: try r.date("created_at"))
        }
    }

    public func armedPipelines() async throws(StoreError) -> [PipelineRecord] {
        try await access { connection in
            let rows = try await connection.query(
                """
                SELECT \(Self.pipelineColumns) FROM pipelines p
                WHERE p.status = 'active' AND p.is_scheduled = 1 AND p.schedule IS NOT NULL
                ORDER BY p.id
                """)
            return try await Self.decodePipelines(rows, on: connection)
        }
    }

    public func setLastFiredSlot(pipelineID: UUID, slot: Date) async throws(StoreError) {
        let rows = try await transaction { connection in
            try await connection.query(
                "UPDATE pipelines SET last_fired_slot = ?2 WHERE id = ?1 RETURNING id",
                [.uuid(pipelineID), .timestamp(Timestamp.normalize(slot))])
        }
        _ = try Self.single(rows, entity: "pipeline", id: pipelineID)
    }
}

extension String {
    /// `self` without leading/trailing whitespace (FoundationEssentials has no `trimmingCharacters`).
    func trimmingSpacesForValidation() -> Substring {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
