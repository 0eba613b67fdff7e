import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Pipelines
import Store
import Testing

@Suite("Modules, users and scheduler routes")
struct CatalogTests {
    /// The document's three example modules.
    static let seedCatalog = StaticModuleCatalog(entries: [
        .init(
            type: .extractor,
            descriptor: .init(
                name: "postgres", displayName: "PostgreSQL Extractor", description: "Extract data from PostgreSQL database",
                icon: "database", color: "#336791"),
            schema: .init(
                schema: try! JSONValue(parsing: """
                    {"type": "object", "properties": {
                      "connection_id": {"type": "string", "title": "Connection", "description": "PostgreSQL connection to use"},
                      "query": {"type": "string", "title": "SQL Query", "format": "code", "language": "sql"}},
                     "required": ["connection_id", "query"]}
                    """),
                defaults: .object(["query": .string("SELECT * FROM table_name")]))),
        .init(
            type: .transformer,
            descriptor: .init(
                name: "cleaner", displayName: "Data Cleaner", description: "Clean and validate data", icon: "broom", color: "#10B981"),
            schema: .init(schema: .object(["type": .string("object")]), defaults: .object([:]))),
        .init(
            type: .loader,
            descriptor: .init(
                name: "s3", displayName: "S3 Loader", description: "Load data to S3/MinIO", icon: "cloud-upload", color: "#FF9900"),
            schema: .init(schema: .object(["type": .string("object")]), defaults: .object([:]))),
    ])

    @Test("modules are grouped by type with the document's fields; schema by type and name")
    func modules() async throws {
        let harness = try await APIHarness.make { $0.modules = Self.seedCatalog }
        try await harness.run { api in
            let list = try await api.send(.get, "/api/v1/modules", as: .viewer)
            #expect(list.status == .ok)
            let extractors = try #require(list.json["extractors"] as? [[String: String]])
            #expect(extractors == [[
                "name": "postgres", "display_name": "PostgreSQL Extractor", "description": "Extract data from PostgreSQL database",
                "icon": "database", "color": "#336791",
            ]])
            #expect((list.json["transformers"] as? [[String: String]])?.first?["icon"] == "broom")
            #expect((list.json["loaders"] as? [[String: String]])?.first?["color"] == "#FF9900")
            let schema = try await api.send(.get, "/api/v1/modules/extractor/postgres/schema", as: .viewer)
            #expect(schema.status == .ok)
            #expect((schema.json["defaults"] as? [String: String]) == ["query": "SELECT * FROM table_name"])
            #expect(((schema.json["schema"] as? [String: Any])?["required"] as? [String]) == ["connection_id", "query"])
            for path in ["/api/v1/modules/extractor/mysql/schema", "/api/v1/modules/extractors/postgres/schema"] {
                let missing = try await api.send(.get, path, as: .viewer)
                #expect(missing.status == .notFound && missing.isError("MODULE_NOT_FOUND"))
            }
        }
        let empty = try await APIHarness.make()
        try await empty.run { api in
            let list = try await api.send(.get, "/api/v1/modules", as: .viewer)
            #expect((list.json["extractors"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("admins list users and change role and activation; nobody else can; no self-demotion")
    func users() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let list = try await api.send(.get, "/api/v1/users", as: .admin)
            #expect(list.status == .ok && list.json["total"] as? Int == 3)
            #expect(list.headers[.init("X-Total-Count")!] == "3")
            let users = try #require(list.json["users"] as? [[String: Any]])
            #expect(users.allSatisfy { $0["password_hash"] == nil && $0["is_active"] as? Bool == true })
            let promoted = try await api.send(.patch, "/api/v1/users/\(harness.viewer.id)", as: .admin, json: #"{"role": "developer"}"#)
            #expect(promoted.status == .ok && promoted.json["role"] as? String == "developer")
            // The promotion takes effect on the next request with the same token.
            #expect(try await api.send(.post, "/api/v1/pipelines", as: .viewer, json: SeedPayloads.createPipeline).status == .created)
            let disabled = try await api.send(.patch, "/api/v1/users/\(harness.viewer.id)", as: .admin, json: #"{"is_active": false}"#)
            #expect(disabled.json["is_active"] as? Bool == false)
            #expect(try await api.send(.get, "/api/v1/auth/me", as: .viewer).status == .forbidden)
            let selfDemote = try await api.send(.patch, "/api/v1/users/\(harness.admin.id)", as: .admin, json: #"{"role": "viewer"}"#)
            #expect(selfDemote.status == .unprocessableContent && selfDemote.isError("VALIDATION_ERROR"))
            let badRole = try await api.send(.patch, "/api/v1/users/\(harness.developer.id)", as: .admin, json: #"{"role": "root"}"#)
            #expect(badRole.status == .unprocessableContent && badRole.isError("VALIDATION_ERROR"))
            let unknown = try await api.send(.patch, "/api/v1/users/\(UUID())", as: .admin, json: "{}")
            #expect(unknown.status == .notFound && unknown.isError("USER_NOT_FOUND"))
        }
    }

    @Test("scheduler snapshot (admins): armed pipelines and their next slots from the store, no fire lag yet")
    func scheduler() async throws {
        let harness = try await APIHarness.make()
        let armed = try await harness.pipeline()
        _ = try await harness.pipeline(name: "Draft", status: .draft)
        try await harness.run { api in
            let forbidden = try await api.send(.get, "/api/v1/scheduler", as: .developer)
            #expect(forbidden.status == .forbidden && forbidden.isError("FORBIDDEN"))
            let snapshot = try await api.send(.get, "/api/v1/scheduler", as: .admin)
            #expect(snapshot.status == .ok)
            let lag = try #require(snapshot.json["fire_lag"] as? [String: Any])
            #expect(lag["samples"] as? Int == 0 && lag["total"] as? Int == 0)
            #expect(lag["p99_ms"] is NSNull && lag["p50_ms"] is NSNull)
            #expect(snapshot.json["state"] as? String == "unavailable" && snapshot.json["armed_pipelines"] as? Int == 1)
            let upcoming = try #require(snapshot.json["upcoming"] as? [[String: Any]])
            #expect(upcoming.first?["pipeline_id"] as? String == armed.id.uuidString.lowercased())
            #expect((upcoming.first?["fire_at"] as? String)?.hasSuffix("T02:00:00Z") == true)
            #expect(snapshot.json["pending_executions"] as? Int == 0)
        }
    }
}
