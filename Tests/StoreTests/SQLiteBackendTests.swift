import Crypto
import Foundation
import Logging
import SQLiteNIO
import Testing

@_spi(Testing) @testable import Store

/// What only the SQLite backend can show: pragmas, the file on disk, reopening.
@Suite("SQLite backend")
struct SQLiteBackendTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("etl-sqlite-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func open(_ path: String, key: SymmetricKey = StoreBackendFactory.testKey, busyTimeout: Int = 5000)
        async throws -> SQLiteMetadataStore
    {
        try await SQLiteMetadataStore.open(
            path: path, cipher: try SecretCipher(key: key), logger: StoreBackendFactory.logger,
            options: .init(busyTimeoutMilliseconds: busyTimeout))
    }

    @Test("the file store runs in WAL mode with foreign keys and the configured busy timeout")
    func pragmas() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let store = try await Self.open(path, busyTimeout: 1234)
        _ = try await store.migrate()
        #expect(try await store.rawQuery("PRAGMA journal_mode").first?.column("journal_mode")?.string == "wal")
        #expect(try await store.rawQuery("PRAGMA foreign_keys").first?.column("foreign_keys")?.integer == 1)
        #expect(try await store.rawQuery("PRAGMA busy_timeout").first?.column("timeout")?.integer == 1234)

        // WAL is a property of the file: a separate connection sees it too.
        let other = try await SQLiteConnection.open(storage: .file(path: path))
        let mode = try await other.query("PRAGMA journal_mode").first?.column("journal_mode")?.string
        try await other.close()
        #expect(mode == "wal")
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        try await store.close()
    }

    @Test("foreign keys are enforced on the in-memory store too")
    func memoryForeignKeys() async throws {
        let store = try await SQLiteMetadataStore.openInMemory(
            cipher: try SecretCipher(key: StoreBackendFactory.testKey), logger: StoreBackendFactory.logger)
        _ = try await store.migrate()
        #expect(try await store.rawQuery("PRAGMA foreign_keys").first?.column("foreign_keys")?.integer == 1)
        try await store.close()
    }

    @Test("editing the recorded checksum of 0001_initial.sql is detected as tampering")
    func tamperedChecksum() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let store = try await Self.open(path)
        _ = try await store.migrate()
        _ = try await store.rawQuery("UPDATE schema_migrations SET checksum = ?1 WHERE version = 1", [.text("0000")])
        await expectStoreError(.migrationTampered(file: "0001_initial.sql")) { try await store.migrate() }
        try await store.close()
    }

    @Test("schema_migrations records version, name, SHA-256 checksum and time")
    func recordedMigration() async throws {
        let store = try await SQLiteMetadataStore.openInMemory(
            cipher: try SecretCipher(key: StoreBackendFactory.testKey), logger: StoreBackendFactory.logger)
        _ = try await store.migrate()
        let row = try #require(try await store.rawQuery("SELECT * FROM schema_migrations WHERE version = 1").first)
        #expect(row.column("name")?.string == "initial")
        #expect(row.column("checksum")?.string == TokenHash.sha256Hex(BundledMigrations.sqlite[0].sql))
        #expect(row.column("checksum")?.string?.count == 64)
        #expect(Timestamp.parse(row.column("applied_at")?.string ?? "") != nil)
        try await store.close()
    }

    @Test("data and migrations survive closing and reopening the file")
    func reopen() async throws {
        let path = Self.temporaryPath()
        defer { Self.remove(path) }
        let store = try await Self.open(path)
        _ = try await store.migrate()
        let user = try await store.makeUser("persisted")
        let connection = try await store.createConnection(
            NewConnection(name: "c", type: "postgres", secrets: ["password": "pw"]))
        try await store.close()

        let reopened = try await Self.open(path)
        let report = try await reopened.migrate()
        #expect(report.applied.isEmpty)
        #expect(try await reopened.user(id: user.id) == user)
        #expect(try await reopened.connection(id: connection.id)?.secrets == ["password": "pw"])
        try await reopened.close()

        // The wrong key cannot read the secrets, and says so without leaking them.
        let wrongKey = try await Self.open(path, key: SymmetricKey(size: .bits256))
        await expectStoreError(.secretUnreadable(connection: connection.id.uuidString.lowercased())) {
            try await wrongKey.connection(id: connection.id)
        }
        #expect(try await wrongKey.user(id: user.id) == user)
        try await wrongKey.close()
    }

    @Test("a closed store refuses further calls")
    func closed() async throws {
        let store = try await SQLiteMetadataStore.openInMemory(
            cipher: try SecretCipher(key: StoreBackendFactory.testKey), logger: StoreBackendFactory.logger)
        _ = try await store.migrate()
        try await store.close()
        await expectStoreError(.closed) { try await store.countUsers() }
        await expectStoreError(.closed) { try await store.close() }
    }

    @Test("a ciphertext copied onto another connection's row does not decrypt")
    func ciphertextBoundToRow() async throws {
        let store = try await SQLiteMetadataStore.openInMemory(
            cipher: try SecretCipher(key: StoreBackendFactory.testKey), logger: StoreBackendFactory.logger)
        _ = try await store.migrate()
        let a = try await store.createConnection(NewConnection(name: "a", type: "http", secrets: ["token": "A"]))
        let b = try await store.createConnection(NewConnection(name: "b", type: "http", secrets: ["token": "B"]))
        _ = try await store.rawQuery(
            "UPDATE connections SET secrets = (SELECT secrets FROM connections WHERE id = ?1) WHERE id = ?2",
            [.text(a.id.uuidString.lowercased()), .text(b.id.uuidString.lowercased())])
        await expectStoreError(.secretUnreadable(connection: b.id.uuidString.lowercased())) {
            try await store.connection(id: b.id)
        }
        try await store.close()
    }
}
