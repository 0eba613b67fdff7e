import Logging

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Applies numbered SQL migrations in order, each in its own transaction, and records them
/// in `schema_migrations`. Backend-agnostic: it drives any ``MigrationExecutor``.
///
/// - A second run applies nothing (idempotent).
/// - An applied migration whose recorded checksum differs from the given file's is
///   ``StoreError/migrationTampered(file:)``: nothing is applied.
/// - A recorded version the list does not contain is ``StoreError/migrationUnknown(version:name:)``
///   (the database is newer than the binary).
/// - A failing migration is rolled back and reported as ``StoreError/migrationFailed(file:reason:)``
///   with the backend's message; the migrations before it stay applied.
public struct MigrationRunner: Sendable {
    /// The migrations to apply, in any order (sorted by version here).
    public let migrations: [Migration]
    public let logger: Logger

    public init(migrations: [Migration], logger: Logger) {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.logger = logger
    }

    /// Brings the database up to the newest migration.
    public func run(on executor: some MigrationExecutor, now: Date = Date()) async throws(StoreError) -> MigrationReport {
        try validateList()
        let applied: [Int: AppliedMigration]
        do {
            try await executor.prepareMigrationTable()
            applied = Dictionary(
                try await executor.appliedMigrations().map { ($0.version, $0) }, uniquingKeysWith: { a, _ in a })
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(reason: "cannot read schema_migrations: \(Self.describe(error))")
        }

        let known = Dictionary(migrations.map { ($0.version, $0) }, uniquingKeysWith: { a, _ in a })
        // Verify everything recorded before touching anything.
        for record in applied.values.sorted(by: { $0.version < $1.version }) {
            guard let migration = known[record.version] else {
                throw .migrationUnknown(version: record.version, name: record.name)
            }
            guard migration.checksum == record.checksum else {
                logger.error(
                    "Applied migration was modified",
                    metadata: ["file": "\(migration.filename)", "recorded": "\(record.checksum)", "embedded": "\(migration.checksum)"])
                throw .migrationTampered(file: migration.filename)
            }
        }

        var appliedNow: [String] = []
        var current = applied.keys.max() ?? 0
        for migration in migrations where applied[migration.version] == nil {
            logger.info("Applying migration", metadata: ["file": "\(migration.filename)"])
            do {
                if try await executor.apply(migration, checksum: migration.checksum, appliedAt: now) {
                    appliedNow.append(migration.filename)
                }
                current = max(current, migration.version)
            } catch {
                let reason = Self.describe(error)
                logger.error("Migration failed", metadata: ["file": "\(migration.filename)", "reason": "\(reason)"])
                throw .migrationFailed(file: migration.filename, reason: reason)
            }
        }
        if !appliedNow.isEmpty {
            logger.info("Database migrated", metadata: ["applied": "\(appliedNow.count)", "version": "\(current)"])
        }
        return MigrationReport(applied: appliedNow, alreadyApplied: applied.count, currentVersion: current)
    }

    private func validateList() throws(StoreError) {
        var seen: Set<Int> = []
        for migration in migrations {
            guard migration.version > 0 else {
                throw .invalidArgument("migration \(migration.filename): version must be positive")
            }
            guard seen.insert(migration.version).inserted else {
                throw .invalidArgument("two migrations share version \(migration.version) (\(migration.filename))")
            }
        }
    }

    /// The backend's own message (e.g. SQLite's `near "CREAT": syntax error`), not a type dump.
    static func describe(_ error: any Error) -> String {
        if case .database(let reason)? = error as? StoreError { return reason }
        if let error = error as? StoreError { return error.message }
        return String(describing: error)
    }
}
