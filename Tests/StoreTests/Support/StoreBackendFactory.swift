import Crypto
import Foundation
import Logging
import SQLiteNIO
import Synchronization
import Testing

@_spi(Testing) @testable import Store

/// A settable clock shared by a test and the store under test.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_737_331_200)) {  // 2025-01-20T00:00:00Z
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    var source: @Sendable () -> Date { { self.now } }
}

/// A store under test plus the backend-specific probes the generic suite needs.
struct StoreFixture: Sendable {
    let store: any MetadataStore
    let clock: TestClock
    /// The `connections.secrets` column exactly as stored, read without the store's cipher
    /// (through a separate database connection where the backend allows one).
    let rawSecrets: @Sendable (UUID) async throws -> String?
}

/// Makes a fresh, migrated store of one backend. The protocol-level suite runs once per
/// factory in ``StoreBackendFactory/all``; a PostgreSQL factory joins that list later and
/// the suite runs unchanged.
struct StoreBackendFactory: Sendable, CustomTestStringConvertible {
    let name: String
    /// Opens a fresh, empty, unmigrated store; returns it with a cleanup action.
    let open: @Sendable (_ clock: TestClock) async throws -> (StoreFixture, @Sendable () async throws -> Void)

    var testDescription: String { name }

    static let all: [StoreBackendFactory] = [.sqliteTemporaryFile, .sqliteInMemory]

    static let testKey = SymmetricKey(data: Data((0..<32).map { UInt8($0) }))

    static var logger: Logger {
        var logger = Logger(label: "etl-builder.store-tests")
        logger.logLevel = .critical  // the suite provokes failures on purpose
        return logger
    }

    static let sqliteTemporaryFile = StoreBackendFactory(name: "sqlite-file") { clock in
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("etl-store-test-\(UUID().uuidString).sqlite").path
        let store = try await SQLiteMetadataStore.open(
            path: path, cipher: try SecretCipher(key: testKey), logger: logger,
            options: .init(clock: clock.source))
        let fixture = StoreFixture(store: store, clock: clock) { id in
            // A second connection to the same file: sees only what is really on disk.
            let raw = try await SQLiteConnection.open(storage: .file(path: path))
            do {
                let rows = try await raw.query(
                    "SELECT secrets FROM connections WHERE id = ?1", [.text(id.uuidString.lowercased())])
                try await raw.close()
                return rows.first?.column("secrets")?.string
            } catch {
                try? await raw.close()
                throw error
            }
        }
        return (fixture, {
            try? await store.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        })
    }

    static let sqliteInMemory = StoreBackendFactory(name: "sqlite-memory") { clock in
        let store = try await SQLiteMetadataStore.openInMemory(
            cipher: try SecretCipher(key: testKey), logger: logger, options: .init(clock: clock.source))
        // An in-memory database has no second connection; read the column through the store's raw SPI.
        let fixture = StoreFixture(store: store, clock: clock) { id in
            try await store.rawQuery(
                "SELECT secrets FROM connections WHERE id = ?1", [.text(id.uuidString.lowercased())]
            ).first?.column("secrets")?.string
        }
        return (fixture, { try? await store.close() })
    }

    /// Runs `body` against a fresh store (migrated unless `migrate` is false), then cleans up.
    func withStore(
        migrate: Bool = true, _ body: (StoreFixture) async throws -> Void
    ) async throws {
        let (fixture, cleanup) = try await open(TestClock())
        do {
            if migrate { _ = try await fixture.store.migrate() }
            try await body(fixture)
            try await cleanup()
        } catch {
            try? await cleanup()
            throw error
        }
    }
}

// MARK: - Builders shared by the suites

extension MetadataStore {
    func makeUser(_ username: String = "user-\(UUID().uuidString.prefix(8))", role: UserRole = .viewer)
        async throws -> UserRecord
    {
        try await createUser(
            NewUser(username: username, email: "\(username)@example.com", fullName: "Full \(username)",
                passwordHash: "$2b$12$hash-of-\(username)", role: role))
    }

    func makePipeline(
        _ name: String = "pipeline-\(UUID().uuidString.prefix(8))", status: PipelineStatus = .draft,
        tags: [String] = [], schedule: String? = nil, createdBy: UUID? = nil
    ) async throws -> PipelineRecord {
        try await createPipeline(
            NewPipeline(name: name, status: status, config: #"{"nodes":[],"edges":[]}"#, schedule: schedule, tags: tags,
                createdBy: createdBy))
    }

    func enqueue(_ pipelineID: UUID, slot: Date? = nil, trigger: TriggerType = .manual) async throws -> ExecutionRecord {
        guard case .inserted(let record) = try await insertExecution(
            NewExecution(pipelineID: pipelineID, triggerType: trigger, scheduledFor: slot))
        else {
            Issue.record("slot unexpectedly taken")
            throw StoreError.conflict(entity: "execution", field: "slot")
        }
        return record
    }
}

/// Asserts that `body` throws exactly `expected`.
func expectStoreError<T>(
    _ expected: StoreError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async {
    do {
        _ = try await body()
        Issue.record("expected \(expected), got success", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        #expect(error == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(expected), got \(error)", sourceLocation: sourceLocation)
    }
}
