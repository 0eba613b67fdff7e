/// Where the metadata store lives, from `store.url`.
enum StoreLocation: Sendable, Equatable {
    /// The embedded SQLite database `etl-builder.sqlite` in the data directory (the default).
    case embedded
    /// An SQLite database at an absolute path (`sqlite:///var/lib/x.db`).
    case sqliteFile(path: String)
    /// A PostgreSQL server (`postgres://user@host:5432/db`).
    case postgres(url: String)

    init?(url: String) {
        if url.isEmpty {
            self = .embedded
        } else if url.hasPrefix("sqlite://"), url.dropFirst("sqlite://".count).hasPrefix("/") {
            self = .sqliteFile(path: String(url.dropFirst("sqlite://".count)))
        } else if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            self = .postgres(url: url)
        } else {
            return nil
        }
    }

    /// Whether `url` names a store location; used by the configuration schema.
    static func isValidURL(_ url: String) -> Bool { StoreLocation(url: url) != nil }

    /// The file name of the embedded database inside the data directory.
    static let embeddedFileName = "etl-builder.sqlite"
}
