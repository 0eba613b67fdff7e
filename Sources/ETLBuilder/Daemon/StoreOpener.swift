import Crypto
import Logging
import Store

/// Opens the metadata store named by `store.url`.
struct StoreOpener {
    let settings: Settings.Store
    let dataDirectory: DataDirectory
    let keys: KeyMaterial
    let logger: Logger

    func open() async throws -> any MetadataStore {
        let cipher = try SecretCipher(key: .init(data: keys.secretsKey))
        switch settings.location {
        case .embedded:
            return try await open(sqliteAt: dataDirectory.file(StoreLocation.embeddedFileName), cipher: cipher)
        case .sqliteFile(let path):
            return try await open(sqliteAt: path, cipher: cipher)
        case .postgres:
            throw DaemonError.unsupportedStore(
                "store.url names a PostgreSQL server, but this build has only the embedded SQLite store; "
                    + "leave store.url empty or use sqlite:///absolute/path.db")
        }
    }

    private func open(sqliteAt path: String, cipher: SecretCipher) async throws -> any MetadataStore {
        logger.info("Opening SQLite store", metadata: ["path": "\(path)"])
        return try await SQLiteMetadataStore.open(
            path: path, cipher: cipher, logger: logger,
            options: .init(busyTimeoutMilliseconds: settings.busyTimeoutMilliseconds))
    }
}

/// What every store-touching command does: resolve the data directory, load the keys, open and
/// migrate the store, run the command's body, and close the store whatever happened.
enum StoreSession {
    static func run<Result>(
        settings: Settings, environment: [String: String], logger: Logger,
        _ body: (any MetadataStore, MigrationReport) async throws -> Result
    ) async throws -> Result {
        let dataDirectory = try DataDirectory.resolve(environment: environment, configured: settings.configuredDataDirectory)
        let keys = try KeyMaterial.load(environment: environment, auth: settings.auth, dataDirectory: dataDirectory)
        let opener = StoreOpener(settings: settings.store, dataDirectory: dataDirectory, keys: keys, logger: logger)
        return try await opener.withStore(body)
    }
}

extension StoreOpener {
    /// Opens and migrates the store, runs `body`, and closes the store even when either fails.
    func withStore<Result>(_ body: (any MetadataStore, MigrationReport) async throws -> Result) async throws -> Result {
        let store = try await open()
        do {
            let report = try await store.migrate()
            let result = try await body(store, report)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}
