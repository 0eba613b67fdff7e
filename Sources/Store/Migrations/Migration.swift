import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One numbered SQL migration, `NNNN_name.sql`, as embedded in the binary by the
/// `EmbedMigrations` build plugin (see `EmbeddedMigrations`).
public struct Migration: Sendable, Hashable {
    /// The `NNNN` of the file name; migrations apply in increasing version order.
    public var version: Int
    /// The `name` of the file name.
    public var name: String
    /// The file name, used in every message about this migration.
    public var filename: String
    /// The file's text, applied as one transaction.
    public var sql: String

    public init(version: Int, name: String, filename: String, sql: String) {
        self.version = version
        self.name = name
        self.filename = filename
        self.sql = sql
    }

    /// Convenience for tests and tools: `filename` is derived as `NNNN_name.sql`.
    public init(version: Int, name: String, sql: String) {
        let digits = String(version)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        self.init(version: version, name: name, filename: "\(padded)_\(name).sql", sql: sql)
    }

    /// SHA-256 of the SQL text (UTF-8), lowercase hex: what `schema_migrations.checksum` records.
    public var checksum: String { TokenHash.sha256Hex(sql) }
}

/// A row of `schema_migrations`.
public struct AppliedMigration: Sendable, Hashable {
    public var version: Int
    public var name: String
    public var checksum: String
    public var appliedAt: Date

    public init(version: Int, name: String, checksum: String, appliedAt: Date) {
        self.version = version
        self.name = name
        self.checksum = checksum
        self.appliedAt = appliedAt
    }
}

/// What a migration run did.
public struct MigrationReport: Sendable, Hashable {
    /// File names applied by this run, in order.
    public var applied: [String]
    /// Migrations that were already applied before this run (checksums verified).
    public var alreadyApplied: Int
    /// Highest applied version after the run (0 for an empty database and list).
    public var currentVersion: Int

    public init(applied: [String], alreadyApplied: Int, currentVersion: Int) {
        self.applied = applied
        self.alreadyApplied = alreadyApplied
        self.currentVersion = currentVersion
    }
}

/// The SQL migrations compiled into this binary (`migrations/<backend>/*.sql`).
public enum BundledMigrations {
    /// `migrations/sqlite/*.sql`, ordered by version.
    public static var sqlite: [Migration] { EmbeddedMigrations.sqlite }
    /// `migrations/postgres/*.sql`, ordered by version (empty until that backend exists).
    public static var postgres: [Migration] { EmbeddedMigrations.postgres }
}
