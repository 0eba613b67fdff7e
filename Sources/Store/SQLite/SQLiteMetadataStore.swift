import Logging
import SQLiteNIO

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The embedded ``MetadataStore``: one SQLite database file (WAL mode) through sqlite-nio.
///
/// **Concurrency.** The store owns a single connection and serializes every operation
/// through a FIFO ``ConnectionGate``; each write is one `BEGIN IMMEDIATE … COMMIT`
/// transaction. One writer is what SQLite allows anyway, the metadata load is small, and it
/// makes claims, rotations and version bumps trivially atomic in-process. `BEGIN IMMEDIATE`
/// plus `busy_timeout` keeps other processes on the same file (the CLI, a backup) safe.
/// The type is a `final class` with only immutable state rather than an actor because an
/// actor's methods interleave at each `await`, which would split transactions.
///
/// **SQL.** Every value is a bind parameter (`?1`, `?2`…); the SQL text only ever holds
/// fixed identifiers and placeholders.
public final class SQLiteMetadataStore: MetadataStore {
    /// Tuning of an opened store.
    public struct Options: Sendable {
        /// How long a statement waits for another process's lock (`PRAGMA busy_timeout`).
        public var busyTimeoutMilliseconds: Int
        /// Source of "now" for timestamps the store sets (tests inject a fixed clock).
        public var clock: @Sendable () -> Date

        public init(busyTimeoutMilliseconds: Int = 5000, clock: @escaping @Sendable () -> Date = { Date() }) {
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.clock = clock
        }
    }

    let gate: ConnectionGate
    let cipher: SecretCipher
    let logger: Logger
    let options: Options
    /// `file(path)` or `memory`.
    let storage: SQLiteConnection.Storage

    private init(
        connection: SQLiteConnection, storage: SQLiteConnection.Storage, cipher: SecretCipher, logger: Logger,
        options: Options
    ) {
        self.gate = ConnectionGate(connection)
        self.storage = storage
        self.cipher = cipher
        self.logger = logger
        self.options = options
    }

    /// Opens (creating if needed) the database file at `path` and configures it:
    /// `journal_mode=WAL`, `foreign_keys=ON`, `synchronous=NORMAL`, `busy_timeout`.
    /// Call ``migrate()`` before use.
    public static func open(
        path: String, cipher: SecretCipher, logger: Logger, options: Options = Options()
    ) async throws(StoreError) -> SQLiteMetadataStore {
        try await open(storage: .file(path: path), cipher: cipher, logger: logger, options: options)
    }

    /// Opens a private in-memory database (tests, `--ephemeral`). It vanishes on ``close()``.
    public static func openInMemory(
        cipher: SecretCipher, logger: Logger, options: Options = Options()
    ) async throws(StoreError) -> SQLiteMetadataStore {
        try await open(storage: .memory, cipher: cipher, logger: logger, options: options)
    }

    static func open(
        storage: SQLiteConnection.Storage, cipher: SecretCipher, logger: Logger, options: Options
    ) async throws(StoreError) -> SQLiteMetadataStore {
        guard options.busyTimeoutMilliseconds >= 0 else {
            throw .invalidArgument("busy timeout must not be negative")
        }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: storage, logger: logger)
        } catch {
            throw .database(reason: "cannot open the SQLite database: \(Self.sqliteMessage(error))")
        }
        do {
            // PRAGMAs take no bind parameters; the only value here is a validated Int.
            _ = try await connection.query("PRAGMA busy_timeout = \(options.busyTimeoutMilliseconds)")
            if case .file = storage {
                let mode = try await connection.query("PRAGMA journal_mode = WAL").first?.column("journal_mode")?.string
                guard mode?.lowercased() == "wal" else {
                    throw StoreError.database(reason: "could not enable WAL journal mode (got \(mode ?? "nothing"))")
                }
                _ = try await connection.query("PRAGMA synchronous = NORMAL")
            }
            _ = try await connection.query("PRAGMA foreign_keys = ON")
        } catch {
            try? await connection.close()
            throw error as? StoreError ?? .database(reason: "cannot configure the SQLite database: \(Self.sqliteMessage(error))")
        }
        logger.debug("Opened SQLite metadata store", metadata: ["storage": "\(storage)"])
        return SQLiteMetadataStore(connection: connection, storage: storage, cipher: cipher, logger: logger, options: options)
    }

    public var bundledMigrations: [Migration] { BundledMigrations.sqlite }

    public func migrate(_ migrations: [Migration]) async throws(StoreError) -> MigrationReport {
        let runner = MigrationRunner(migrations: migrations, logger: logger)
        return try await runner.run(on: SQLiteMigrationExecutor(store: self), now: now())
    }

    public func close() async throws(StoreError) {
        let connection = try await gate.acquire()
        _ = await gate.detach()
        await gate.release()
        do {
            try await connection.close()
        } catch {
            throw .database(reason: "closing the SQLite database failed: \(Self.sqliteMessage(error))")
        }
    }

    /// Runs raw SQL on the store's own connection (inside the gate). Tests only.
    @_spi(Testing)
    public func rawQuery(_ sql: String, _ binds: [SQLiteData] = []) async throws(StoreError) -> [SQLiteRow] {
        try await access { connection in try await connection.query(sql, binds) }
    }

    // MARK: - Plumbing

    /// "Now" from the store's clock, at stored precision.
    func now() -> Date { Timestamp.normalize(options.clock()) }

    /// Exclusive use of the connection, without a transaction (single-statement reads).
    func access<T>(
        _ body: (SQLiteConnection) async throws -> T
    ) async throws(StoreError) -> T {
        let connection = try await gate.acquire()
        do {
            let result = try await body(connection)
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw Self.map(error)
        }
    }

    /// Exclusive use of the connection inside `BEGIN IMMEDIATE … COMMIT`; any error rolls back.
    ///
    /// - Parameter foreignKey: what a foreign-key violation means for this operation
    ///   (usually `notFound` of the parent row).
    func transaction<T>(
        foreignKey: StoreError? = nil,
        _ body: (SQLiteConnection) async throws -> T
    ) async throws(StoreError) -> T {
        let connection = try await gate.acquire()
        do {
            _ = try await connection.query("BEGIN IMMEDIATE")
        } catch {
            await gate.release()
            throw Self.map(error)
        }
        do {
            let result = try await body(connection)
            _ = try await connection.query("COMMIT")
            await gate.release()
            return result
        } catch {
            // Shielded from the caller's cancellation: a skipped ROLLBACK would leave the
            // shared connection inside a transaction.
            await Task { _ = try? await connection.query("ROLLBACK") }.value
            await gate.release()
            if let foreignKey, Self.isForeignKeyViolation(error) { throw foreignKey }
            throw Self.map(error)
        }
    }

    // MARK: - Errors

    /// Unique indexes and what they protect, for ``StoreError/conflict(entity:field:)``.
    /// SQLite names the index (expression indexes) or `table.column` in its message.
    private static let uniqueKeys: [(needle: String, entity: String, field: String)] = [
        ("users_username_key", "user", "username"),
        ("users_email_key", "user", "email"),
        ("users.id", "user", "id"),
        ("refresh_tokens_hash_key", "refresh token", "token_hash"),
        ("refresh_tokens.token_hash", "refresh token", "token_hash"),
        ("refresh_tokens.id", "refresh token", "id"),
        ("api_keys_hash_key", "API key", "key_hash"),
        ("api_keys.key_hash", "API key", "key_hash"),
        ("api_keys.id", "API key", "id"),
        ("pipelines.id", "pipeline", "id"),
        ("connections_name_key", "connection", "name"),
        ("connections.id", "connection", "id"),
        ("executions.id", "execution", "id"),
        ("audit_events.id", "audit event", "id"),
    ]

    static func map(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if error is CancellationError { return .cancelled }
        if let error = error as? SQLiteError {
            switch error.reason {
            case .constraintUniqueFailed, .constraintPrimaryKeyFailed:
                if let key = uniqueKeys.first(where: { error.message.contains($0.needle) }) {
                    return .conflict(entity: key.entity, field: key.field)
                }
                return .conflict(entity: "record", field: "key")
            case .constraintCheckFailed, .constraintNotNullFailed:
                return .invalidArgument("rejected by the database: \(error.message)")
            default:
                break
            }
        }
        return .database(reason: sqliteMessage(error))
    }

    static func isForeignKeyViolation(_ error: any Error) -> Bool {
        (error as? SQLiteError)?.reason == .constraintForeignKeyFailed
    }

    /// SQLite's own message when there is one.
    static func sqliteMessage(_ error: any Error) -> String {
        if let error = error as? SQLiteError { return error.message }
        return String(describing: error)
    }
}
