import API
import Foundation
import HTTPTypes
import Hummingbird
import Pipelines
import HummingbirdTesting
import Store
import Testing

@Suite("Connection routes")
struct ConnectionTests {
    @Test("create with the document's payload: 201 with status active, last_tested_at null, password masked")
    func createMasked() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let created = try await api.send(.post, "/api/v1/connections", as: .developer, json: SeedPayloads.createConnection)
            #expect(created.status == .created)
            #expect(created.json["name"] as? String == "Production Database" && created.json["type"] as? String == "postgres")
            #expect(created.json["status"] as? String == "active" && created.json["last_tested_at"] is NSNull)
            let id = try #require(created.json["id"] as? String)
            #expect(!created.text.contains("secure_password"))
            let stored = try #require(try await harness.store.connection(id: UUID(uuidString: id)!))
            #expect(stored.secrets == ["password": "secure_password"] && !stored.config.contains("secure_password"))

            let got = try await api.send(.get, "/api/v1/connections/\(id)", as: .viewer)
            let config = try #require(got.json["config"] as? [String: Any])
            #expect(config["password"] as? String == "********" && config["port"] as? Int == 5432)
            #expect(config["host"] as? String == "db.example.com")

            // Update without the password (and with the mask) keeps it; a new value replaces it.
            let kept = try await api.send(
                .put, "/api/v1/connections/\(id)", as: .developer,
                json: #"{"config": {"host": "db2.example.com", "port": 5433, "password": "********"}}"#)
            #expect(kept.status == .ok && (kept.json["config"] as? [String: Any])?["host"] as? String == "db2.example.com")
            #expect(try await harness.store.connection(id: UUID(uuidString: id)!)?.secrets == ["password": "secure_password"])
            _ = try await api.send(.put, "/api/v1/connections/\(id)", as: .developer, json: #"{"config": {"password": "new-one"}}"#)
            #expect(try await harness.store.connection(id: UUID(uuidString: id)!)?.secrets == ["password": "new-one"])
            _ = try await api.send(.put, "/api/v1/connections/\(id)", as: .developer, json: #"{"config": {"password": null}}"#)
            #expect(try await harness.store.connection(id: UUID(uuidString: id)!)?.secrets == [:])

            let list = try await api.send(.get, "/api/v1/connections", as: .viewer)
            #expect(list.json["total"] as? Int == 1 && (list.json["connections"] as? [Any])?.count == 1)
            let duplicate = try await api.send(.post, "/api/v1/connections", as: .developer, json: SeedPayloads.createConnection)
            #expect(duplicate.status == .conflict && duplicate.isError("CONFLICT"))
            let badType = try await api.send(.post, "/api/v1/connections", as: .developer, json: #"{"name": "x", "type": "Post Gres"}"#)
            #expect(badType.status == .unprocessableContent && badType.isError("VALIDATION_ERROR"))
            #expect(try await api.send(.delete, "/api/v1/connections/\(id)", as: .developer).status == .noContent)
            let gone = try await api.send(.get, "/api/v1/connections/\(id)", as: .viewer)
            #expect(gone.status == .notFound && gone.isError("CONNECTION_NOT_FOUND"))
        }
    }

    @Test("with connection types: an unknown type or a config off its schema is 422 naming the field; kept secrets count")
    func configChecked() async throws {
        let database = ConnectionType(
            name: "db",
            schema: [
                "type": "object",
                "properties": ["host": ["type": "string"], "port": ["type": "integer", "maximum": 65535], "password": ["type": "string"]],
                "required": ["host", "password"], "additionalProperties": false,
            ])
        let harness = try await APIHarness.make { $0.connectionTypes = ConnectionTypeCatalog([database]) }
        try await harness.run { api in
            func problems(_ response: TestResponse) -> [String] {
                (response.json["detail"] as? String).map { [$0] } ?? []
            }
            let unknown = try await api.send(.post, "/api/v1/connections", as: .developer, json: #"{"name": "a", "type": "oracle", "config": {}}"#)
            #expect(unknown.status == .unprocessableContent && unknown.isError("VALIDATION_ERROR"))
            #expect(problems(unknown).contains { $0.contains("body.type") && $0.contains("unknown connection type") })
            let bad = try await api.send(
                .post, "/api/v1/connections", as: .developer, json: #"{"name": "a", "type": "db", "config": {"host": "h", "port": 70000, "pasword": "x"}}"#)
            #expect(bad.status == .unprocessableContent && bad.isError("VALIDATION_ERROR"))
            let detail = problems(bad).joined()
            #expect(detail.contains("body.config.port") && detail.contains("body.config.pasword") && detail.contains("body.config.password"))
            #expect(try await harness.store.listConnections(page: PageRequest(page: 1, pageSize: 10)).total == 0, "nothing was stored")

            let created = try await api.send(
                .post, "/api/v1/connections", as: .developer, json: #"{"name": "a", "type": "db", "config": {"host": "h", "password": "s3cret"}}"#)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            // The stored password is kept when the update leaves it out: the config stays valid.
            let moved = try await api.send(.put, "/api/v1/connections/\(id)", as: .developer, json: #"{"config": {"host": "h2"}}"#)
            #expect(moved.status == .ok)
            let broken = try await api.send(.put, "/api/v1/connections/\(id)", as: .developer, json: #"{"config": {"host": 5}}"#)
            #expect(broken.status == .unprocessableContent && problems(broken).joined().contains("body.config.host"))
        }
    }

    @Test("test: file connections are checked, other types answer unsupported without changing the status")
    func testConnection() async throws {
        let harness = try await APIHarness.make()
        let directory = FileManager.default.temporaryDirectory.path
        let file = try await harness.store.createConnection(NewConnection(name: "tmp", type: "file", config: #"{"path": "\#(directory)"}"#))
        let missing = try await harness.store.createConnection(NewConnection(name: "gone", type: "file", config: #"{"path": "/no/such/dir"}"#))
        let postgres = try await harness.store.createConnection(NewConnection(name: "pg", type: "postgres"))
        try await harness.run { api in
            let ok = try await api.send(.post, "/api/v1/connections/\(file.id)/test", as: .developer)
            #expect(ok.status == .ok && ok.json["status"] as? String == "success")
            #expect(ok.json["message"] as? String == "Connection successful")
            let details = try #require(ok.json["details"] as? [String: Any])
            #expect(details["latency_ms"] is Int && details["version"] is NSNull)
            #expect(try await harness.store.connection(id: file.id)?.lastTestedAt != nil)
            let failed = try await api.send(.post, "/api/v1/connections/\(missing.id)/test", as: .developer)
            #expect(failed.json["status"] as? String == "failed")
            #expect(try await harness.store.connection(id: missing.id)?.status == .error)
            let unsupported = try await api.send(.post, "/api/v1/connections/\(postgres.id)/test", as: .developer)
            #expect(unsupported.json["status"] as? String == "unsupported")
            #expect(try await harness.store.connection(id: postgres.id)?.lastTestedAt == nil)
        }
    }
}
