/// Every failure a ``MetadataStore`` reports.
///
/// Each case has a user-facing ``message`` and a stable ``code`` (the API's `error_code`);
/// neither ever contains secrets, password hashes or token hashes.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `entity` with this id (or key) exists.
    case notFound(entity: String, id: String)
    /// A unique constraint rejected the write: another `entity` already has this `field`.
    case conflict(entity: String, field: String)
    /// The row exists but is in a state that forbids the operation (e.g. finishing a finished execution).
    case invalidState(entity: String, reason: String)
    /// An argument the store cannot accept (empty name, negative page size…).
    case invalidArgument(String)
    /// An applied migration's recorded checksum differs from the embedded file's.
    case migrationTampered(file: String)
    /// A migration failed and was rolled back.
    case migrationFailed(file: String, reason: String)
    /// The database records a migration this binary does not know (it was migrated by a newer release).
    case migrationUnknown(version: Int, name: String)
    /// A stored secret could not be decrypted (wrong key, or the ciphertext was altered).
    case secretUnreadable(connection: String)
    /// The store was closed.
    case closed
    /// The calling task was cancelled before the operation completed (nothing was committed).
    case cancelled
    /// Any other database failure; `reason` is the backend's message.
    case database(reason: String)

    /// Stable machine-readable code, suitable for the API's `error_code`.
    public var code: String {
        switch self {
        case .notFound: "NOT_FOUND"
        case .conflict: "CONFLICT"
        case .invalidState: "INVALID_STATE"
        case .invalidArgument: "INVALID_ARGUMENT"
        case .migrationTampered: "MIGRATION_TAMPERED"
        case .migrationFailed: "MIGRATION_FAILED"
        case .migrationUnknown: "MIGRATION_UNKNOWN"
        case .secretUnreadable: "SECRET_UNREADABLE"
        case .closed: "STORE_CLOSED"
        case .cancelled: "CANCELLED"
        case .database: "DATABASE_ERROR"
        }
    }

    /// A sentence for the person reading the error.
    public var message: String {
        switch self {
        case .notFound(let entity, let id):
            "\(entity) '\(id)' not found"
        case .conflict(let entity, let field):
            "another \(entity) already has this \(field)"
        case .invalidState(let entity, let reason):
            "\(entity): \(reason)"
        case .invalidArgument(let reason):
            reason
        case .migrationTampered(let file):
            "migration \(file) was changed after it was applied to this database; "
                + "restore the original file (never edit an applied migration) and add the change as a new migration"
        case .migrationFailed(let file, let reason):
            "migration \(file) failed and was rolled back: \(reason)"
        case .migrationUnknown(let version, let name):
            "the database has migration \(version) (\(name)) that this binary does not know; "
                + "it was migrated by a newer etl-builder: run that release or restore a backup"
        case .secretUnreadable(let connection):
            "the secrets of connection '\(connection)' cannot be decrypted; check that the secret key is the one they were written with"
        case .closed:
            "the metadata store is closed"
        case .cancelled:
            "the operation was cancelled"
        case .database(let reason):
            "database error: \(reason)"
        }
    }

    public var description: String { "\(code): \(message)" }
}
