import SQLiteNIO

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// ``MigrationExecutor`` over the store's serialized connection.
struct SQLiteMigrationExecutor: MigrationExecutor {
    let store: SQLiteMetadataStore

    func prepareMigrationTable() async throws {
        try await store.access { connection in
            _ = try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    INTEGER PRIMARY KEY NOT NULL,
                    name       TEXT NOT NULL,
                    checksum   TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                )
                """)
        }
    }

    func appliedMigrations() async throws -> [AppliedMigration] {
        try await store.access { connection in
            try await connection.query("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version")
                .map { row throws(StoreError) in
                    let r = RowReader(row)
                    return AppliedMigration(
                        version: try r.int("version"), name: try r.text("name"), checksum: try r.text("checksum"),
                        appliedAt: try r.date("applied_at"))
                }
        }
    }

    func apply(_ migration: Migration, checksum: String, appliedAt: Date) async throws -> Bool {
        // Errors carry SQLite's own message (and the failing statement) for `migrationFailed`.
        let connection = try await store.gate.acquire()
        do {
            _ = try await connection.query("BEGIN IMMEDIATE")
        } catch {
            await store.gate.release()
            throw StoreError.database(reason: SQLiteMetadataStore.sqliteMessage(error))
        }
        var current = ""
        do {
            let recorded = try await connection.query(
                "SELECT 1 AS found FROM schema_migrations WHERE version = ?1", [.int(migration.version)])
            guard recorded.isEmpty else {
                _ = try await connection.query("ROLLBACK")
                await store.gate.release()
                return false
            }
            for statement in SQLScript.statements(migration.sql) {
                current = statement
                _ = try await connection.query(statement)
            }
            current = ""
            _ = try await connection.query(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?1, ?2, ?3, ?4)",
                [.int(migration.version), .text(migration.name), .text(checksum), .timestamp(appliedAt)])
            _ = try await connection.query("COMMIT")
            await store.gate.release()
            return true
        } catch {
            await Task { _ = try? await connection.query("ROLLBACK") }.value
            await store.gate.release()
            var reason = SQLiteMetadataStore.sqliteMessage(error)
            if !current.isEmpty {
                let excerpt = current.split(separator: "\n").first(where: { !$0.hasPrefix("--") }) ?? ""
                reason += " (in statement: \(excerpt.prefix(80)))"
            }
            throw StoreError.database(reason: reason)
        }
    }
}
