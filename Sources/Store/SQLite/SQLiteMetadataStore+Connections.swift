import SQLiteNIO

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SQLiteMetadataStore {
    static let connectionColumns = """
        id, name, type, description, config, secrets, status, last_tested_at, last_test_message, created_by, \
        created_at, updated_at
        """

    /// Decodes a row, decrypting its `secrets` column.
    func decodeConnection(_ row: SQLiteRow) throws(StoreError) -> ConnectionRecord {
        let r = RowReader(row)
        let id = try r.uuid("id")
        return ConnectionRecord(
            id: id, name: try r.text("name"), type: try r.text("type"), description: try r.optText("description"),
            config: try r.text("config"), secrets: try cipher.open(try r.text("secrets"), owner: id),
            status: try r.enumValue("status"), lastTestedAt: try r.optDate("last_tested_at"),
            lastTestMessage: try r.optText("last_test_message"), createdBy: try r.optUUID("created_by"),
            createdAt: try r.date("created_at"), updatedAt: try r.date("updated_at"))
    }

    private func seal(_ secrets: [String: String], owner: UUID) throws(StoreError) -> String {
        do {
            return try cipher.seal(secrets, owner: owner)
        } catch {
            throw .database(reason: "cannot encrypt connection secrets: \(error)")
        }
    }

    public func createConnection(_ connection: NewConnection) async throws(StoreError) -> ConnectionRecord {
        guard !connection.name.trimmingSpacesForValidation().isEmpty else {
            throw .invalidArgument("connection name must not be empty")
        }
        guard !connection.type.isEmpty else { throw .invalidArgument("connection type must not be empty") }
        let sealed = try seal(connection.secrets, owner: connection.id)
        let now = now()
        let rows = try await transaction(
            foreignKey: .notFound(entity: "user", id: connection.createdBy?.uuidString.lowercased() ?? "")
        ) { db in
            try await db.query(
                """
                INSERT INTO connections (id, name, type, description, config, secrets, status, created_by,
                                         created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'active', ?7, ?8, ?8)
                RETURNING \(Self.connectionColumns)
                """,
                [
                    .uuid(connection.id), .text(connection.name), .text(connection.type),
                    .optText(connection.description), .text(connection.config), .text(sealed),
                    .uuid(connection.createdBy), .timestamp(now),
                ])
        }
        return try decodeConnection(try Self.single(rows, entity: "connection", id: connection.id))
    }

    public func connection(id: UUID) async throws(StoreError) -> ConnectionRecord? {
        let rows = try await access { db in
            try await db.query("SELECT \(Self.connectionColumns) FROM connections WHERE id = ?1", [.uuid(id)])
        }
        return try rows.first.map { row throws(StoreError) in try decodeConnection(row) }
    }

    public func connection(named name: String) async throws(StoreError) -> ConnectionRecord? {
        let rows = try await access { db in
            try await db.query("SELECT \(Self.connectionColumns) FROM connections WHERE lower(name) = lower(?1)", [.text(name)])
        }
        return try rows.first.map { row throws(StoreError) in try decodeConnection(row) }
    }

    public func listConnections(page: PageRequest) async throws(StoreError) -> Page<ConnectionRecord> {
        let page = try page.validated()
        let (rows, total) = try await access { db in
            let total = try Self.count(try await db.query("SELECT count(*) AS n FROM connections"))
            let rows = try await db.query(
                "SELECT \(Self.connectionColumns) FROM connections ORDER BY lower(name), id LIMIT ?1 OFFSET ?2",
                [.int(page.pageSize), .int(page.offset)])
            return (rows, total)
        }
        return Page(
            items: try rows.map { row throws(StoreError) in try decodeConnection(row) }, total: total,
            page: page.page, pageSize: page.pageSize)
    }

    public func updateConnection(id: UUID, _ update: ConnectionUpdate) async throws(StoreError) -> ConnectionRecord {
        if let name = update.name, name.trimmingSpacesForValidation().isEmpty {
            throw .invalidArgument("connection name must not be empty")
        }
        if let type = update.type, type.isEmpty { throw .invalidArgument("connection type must not be empty") }
        let now = now()
        let rows = try await transaction { db in
            var binds = SQLBinds()
            var sets: [String] = []
            if !update.secrets.isEmpty || !update.removeSecrets.isEmpty {
                let stored = try await db.query("SELECT secrets FROM connections WHERE id = ?1", [.uuid(id)])
                guard let row = stored.first else {
                    throw StoreError.notFound(entity: "connection", id: id.uuidString.lowercased())
                }
                var secrets = try self.cipher.open(try RowReader(row).text("secrets"), owner: id)
                for key in update.removeSecrets { secrets[key] = nil }
                secrets.merge(update.secrets) { _, new in new }
                sets.append("secrets = \(binds.add(.text(try self.seal(secrets, owner: id))))")
            }
            if let name = update.name { sets.append("name = \(binds.add(.text(name)))") }
            if let type = update.type { sets.append("type = \(binds.add(.text(type)))") }
            if let description = update.description { sets.append("description = \(binds.add(.optText(description)))") }
            if let config = update.config { sets.append("config = \(binds.add(.text(config)))") }
            if let status = update.status { sets.append("status = \(binds.add(.text(status.rawValue)))") }
            sets.append("updated_at = \(binds.add(.timestamp(now)))")
            return try await db.query(
                """
                UPDATE connections SET \(sets.joined(separator: ", ")) WHERE id = \(binds.add(.uuid(id)))
                RETURNING \(Self.connectionColumns)
                """,
                binds.values)
        }
        return try decodeConnection(try Self.single(rows, entity: "connection", id: id))
    }

    public func deleteConnection(id: UUID) async throws(StoreError) {
        let rows = try await transaction { db in
            try await db.query("DELETE FROM connections WHERE id = ?1 RETURNING id", [.uuid(id)])
        }
        _ = try Self.single(rows, entity: "connection", id: id)
    }

    public func setConnectionTestResult(id: UUID, status: ConnectionStatus, message: String?) async throws(StoreError)
        -> ConnectionRecord
    {
        let now = now()
        let rows = try await transaction { db in
            try await db.query(
                """
                UPDATE connections SET status = ?2, last_tested_at = ?3, last_test_message = ?4
                WHERE id = ?1
                RETURNING \(Self.connectionColumns)
                """,
                [.uuid(id), .text(status.rawValue), .timestamp(now), .optText(message)])
        }
        return try decodeConnection(try Self.single(rows, entity: "connection", id: id))
    }
}
