#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The few database operations the ``MigrationRunner`` needs; each backend implements it.
///
/// The runner owns the policy (order, checksums, idempotency, messages); an executor only
/// talks to its database. Errors thrown here are the backend's own; the runner wraps them.
public protocol MigrationExecutor: Sendable {
    /// Creates `schema_migrations(version, name, checksum, applied_at)` if it does not exist.
    func prepareMigrationTable() async throws

    /// Every row of `schema_migrations`, in any order.
    func appliedMigrations() async throws -> [AppliedMigration]

    /// In one transaction: runs `migration.sql` and records it in `schema_migrations`.
    ///
    /// Returns `false` without running anything if, once inside the transaction, the version
    /// is found already recorded (another process migrated concurrently). On failure the
    /// transaction is rolled back and the backend's error is thrown.
    func apply(_ migration: Migration, checksum: String, appliedAt: Date) async throws -> Bool
}
