import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Logging
import NIOCore
import Pipelines
import Store
import Testing

/// A real API server on loopback over an in-memory SQLite store, with one user per role.
struct APIHarness: Sendable {
    static let password = "Correct-Horse-9"
    static let signingKey = Array("an-hmac-key-for-tests-only-0123456789".utf8)

    let store: SQLiteMetadataStore
    let events: ExecutionEvents
    let tokens: TokenService
    let admin: UserRecord
    let developer: UserRecord
    let viewer: UserRecord
    let dependencies: APIServer.Dependencies

    /// A harness; `configure` adjusts the dependencies (settings, stubs) before the server starts.
    static func make(
        settings: APISettings = APISettings(rateLimitPerMinute: 0, gzipMinimumBytes: 0),
        configure: (inout APIServer.Dependencies) -> Void = { _ in }
    ) async throws -> APIHarness {
        let store = try await SQLiteMetadataStore.openInMemory(
            cipher: try SecretCipher(key: SecretCipher.generateKey()), logger: Logger(label: "test.store"))
        _ = try await store.migrate()
        // bcrypt's lowest cost keeps the suite fast; login verifies hashes of any cost.
        let hash = Bcrypt.hash(password, cost: 4)
        func user(_ name: String, _ role: UserRole) async throws -> UserRecord {
            try await store.createUser(
                NewUser(username: name, email: "\(name)@example.com", fullName: name.capitalized, passwordHash: hash, role: role))
        }
        let events = ExecutionEvents()
        var dependencies = APIServer.Dependencies(
            version: "test", readiness: Readiness(), store: store, events: events, jwtSigningKey: signingKey,
            settings: settings)
        configure(&dependencies)
        dependencies.readiness.markReady()
        return APIHarness(
            store: store, events: events,
            tokens: await TokenService(
                signingKey: signingKey, accessTokenLifetime: dependencies.accessTokenLifetime,
                refreshTokenLifetime: dependencies.refreshTokenLifetime),
            admin: try await user("admin", .admin), developer: try await user("developer", .developer),
            viewer: try await user("viewer", .viewer), dependencies: dependencies)
    }

    /// Runs `body` against the server, then closes the store.
    func run(_ body: @Sendable (APIClient) async throws -> Void) async throws {
        let app = await APIServer.makeApplication(
            host: "127.0.0.1", port: 0, dependencies: dependencies, logger: Logger(label: "test.api"))
        let tokens = [
            UserRole.admin: try await self.tokens.issueAccessToken(userID: admin.id),
            .developer: try await self.tokens.issueAccessToken(userID: developer.id),
            .viewer: try await self.tokens.issueAccessToken(userID: viewer.id),
        ]
        do {
            try await app.test(.live) { client in
                try await body(APIClient(client: client, tokens: tokens))
            }
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    /// A pipeline in the store (status `active` with a schedule unless told otherwise).
    func pipeline(
        name: String = "Customer Data Pipeline", status: PipelineStatus = .active, schedule: String? = "0 2 * * *",
        tags: [String] = ["customers", "daily"]
    ) async throws -> PipelineRecord {
        try await store.createPipeline(
            NewPipeline(
                name: name, description: "Extract and process customer data", status: status,
                config: SeedPayloads.pipelineConfigText, schedule: schedule, tags: tags, createdBy: developer.id))
    }
}

/// The live test client with the API's conventions: JSON bodies, bearer tokens per role.
struct APIClient: Sendable {
    let client: any TestClientProtocol
    /// An access token per role.
    let tokens: [UserRole: String]

    var port: Int { client.port ?? 0 }

    /// Sends a request as `role` (nil: anonymous) with an optional JSON or raw body.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ path: String, as role: UserRole? = nil, json: String? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        if let role, headers[.authorization] == nil { headers[.authorization] = "Bearer \(tokens[role]!)" }
        if json != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await client.execute(
            uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Sends with an explicit bearer credential.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ path: String, bearer: String, json: String? = nil) async throws -> TestResponse {
        try await send(method, path, json: json, headers: [.authorization: "Bearer \(bearer)"])
    }
}

extension TestResponse {
    /// The body as a JSON object (empty if it is not one).
    var json: [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] else {
            return [:]
        }
        return object
    }

    /// The body as text.
    var text: String { String(buffer: body) }

    /// The `error_code` of an error body.
    var errorCode: String? { json["error_code"] as? String }

    /// Whether the body is exactly the document's error shape with `code`.
    func isError(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let object = json
        let ok =
            Set(object.keys) == ["detail", "error_code", "timestamp"] && object["error_code"] as? String == code
            && (object["detail"] as? String).map { !$0.isEmpty } == true
            && (object["timestamp"] as? String).flatMap { try? Date($0, strategy: .iso8601) } != nil
        if !ok { Issue.record("expected error \(code), got \(status.code) \(text)", sourceLocation: sourceLocation) }
        return ok
    }
}

extension HTTPField.Name {
    static let apiKey = HTTPField.Name("X-API-Key")!
    static let requestID = HTTPField.Name("X-Request-ID")!
}
