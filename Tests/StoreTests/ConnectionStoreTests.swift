import Foundation
import Testing

@testable import Store

@Suite("Connections")
struct ConnectionStoreTests {
    static let secrets = ["password": "s3cr3t-Pa55w0rd!", "api_token": "tok_live_ABCDEF123456"]

    @Test("connections are created, read, listed by name, updated and deleted", arguments: StoreBackendFactory.all)
    func crud(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let owner = try await f.store.makeUser()
            let created = try await f.store.createConnection(
                NewConnection(
                    name: "Production Database", type: "postgres", description: "main",
                    config: #"{"host":"db.example.com","port":5432}"#, secrets: Self.secrets, createdBy: owner.id))
            #expect(created.status == .active)
            #expect(created.lastTestedAt == nil)
            #expect(created.secrets == Self.secrets)
            #expect(try await f.store.connection(id: created.id) == created)
            #expect(try await f.store.connection(id: UUID()) == nil)

            _ = try await f.store.createConnection(NewConnection(name: "archive bucket", type: "s3"))
            _ = try await f.store.createConnection(NewConnection(name: "Zeta API", type: "http"))
            let page = try await f.store.listConnections(page: PageRequest(page: 1, pageSize: 2))
            #expect(page.items.map(\.name) == ["archive bucket", "Production Database"])
            #expect(page.total == 3)

            await expectStoreError(.conflict(entity: "connection", field: "name")) {
                try await f.store.createConnection(NewConnection(name: "production DATABASE", type: "postgres"))
            }

            f.clock.advance(by: 3)
            let updated = try await f.store.updateConnection(
                id: created.id,
                ConnectionUpdate(name: "Prod DB", description: .some(nil), config: #"{"host":"db2"}"#, status: .inactive))
            #expect(updated.name == "Prod DB")
            #expect(updated.description == nil)
            #expect(updated.config == #"{"host":"db2"}"#)
            #expect(updated.status == .inactive)
            #expect(updated.secrets == Self.secrets)
            #expect(updated.updatedAt == Timestamp.normalize(f.clock.now))

            await expectStoreError(.conflict(entity: "connection", field: "name")) {
                try await f.store.updateConnection(id: created.id, ConnectionUpdate(name: "ZETA api"))
            }

            try await f.store.deleteConnection(id: created.id)
            #expect(try await f.store.connection(id: created.id) == nil)
            await expectStoreError(.notFound(entity: "connection", id: created.id.uuidString.lowercased())) {
                try await f.store.deleteConnection(id: created.id)
            }
            await expectStoreError(.notFound(entity: "connection", id: created.id.uuidString.lowercased())) {
                try await f.store.updateConnection(id: created.id, ConnectionUpdate(secrets: ["k": "v"]))
            }
        }
    }

    @Test("an update merges secrets: omitted keys are kept, given keys replaced, removed keys dropped", arguments: StoreBackendFactory.all)
    func secretMerge(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let c = try await f.store.createConnection(
                NewConnection(name: "s3", type: "s3", secrets: ["access_key": "AK", "secret_key": "SK", "session": "S"]))
            let renamed = try await f.store.updateConnection(id: c.id, ConnectionUpdate(name: "s3 lake"))
            #expect(renamed.secrets == ["access_key": "AK", "secret_key": "SK", "session": "S"])

            let merged = try await f.store.updateConnection(
                id: c.id, ConnectionUpdate(secrets: ["secret_key": "SK2", "region_token": "R"], removeSecrets: ["session"]))
            #expect(merged.secrets == ["access_key": "AK", "secret_key": "SK2", "region_token": "R"])
            #expect(try await f.store.connection(id: c.id)?.secrets == merged.secrets)
        }
    }

    @Test("secrets are only ciphertext in the database", arguments: StoreBackendFactory.all)
    func secretsAtRest(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let c = try await f.store.createConnection(
                NewConnection(name: "pg", type: "postgres", config: #"{"user":"etl"}"#, secrets: Self.secrets))
            let raw = try #require(try await f.rawSecrets(c.id))
            #expect(raw.hasPrefix("v1:"))
            for (key, value) in Self.secrets {
                #expect(!raw.contains(value))
                #expect(!raw.contains(key))
            }
            _ = try await f.store.updateConnection(id: c.id, ConnectionUpdate(secrets: ["password": "rotated-PW-42"]))
            let rotated = try #require(try await f.rawSecrets(c.id))
            #expect(!rotated.contains("rotated-PW-42"))
            #expect(rotated != raw)
        }
    }

    @Test("a test result sets status, time and message", arguments: StoreBackendFactory.all)
    func testResult(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let c = try await f.store.createConnection(NewConnection(name: "api", type: "http"))
            f.clock.advance(by: 42)
            let failed = try await f.store.setConnectionTestResult(id: c.id, status: .error, message: "timeout")
            #expect(failed.status == .error)
            #expect(failed.lastTestMessage == "timeout")
            #expect(failed.lastTestedAt == Timestamp.normalize(f.clock.now))
            let ok = try await f.store.setConnectionTestResult(id: c.id, status: .active, message: nil)
            #expect(ok.status == .active)
            #expect(ok.lastTestMessage == nil)
            let ghost = UUID()
            await expectStoreError(.notFound(entity: "connection", id: ghost.uuidString.lowercased())) {
                try await f.store.setConnectionTestResult(id: ghost, status: .active, message: nil)
            }
        }
    }
}
