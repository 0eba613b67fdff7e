import Pipelines
import Testing

/// Credentials come from an `http` connection, relative URLs from its base_url; secrets never
/// show in errors or logs, even when the server echoes them.
@Suite struct AuthTests {
    @Test(arguments: [
        ("secure/bearer", ["auth_type": "bearer", "token": .string(TestAPI.token)] as [String: JSONValue]),
        ("secure/basic", ["auth_type": "basic", "username": .string(TestAPI.username), "password": .string(TestAPI.password)]),
        ("secure/key", ["auth_type": "api_key", "api_key_header": "X-Api-Key", "api_key": .string(TestAPI.apiKey)]),
    ])
    func connectionCredentialsAreSent(path: String, auth: [String: JSONValue]) async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let output = try await api.serve { base in
            workspace.connections.connections["api"] = auth.merging(["base_url": .string(base + "/")]) { $1 }
            return try await workspace.extract(["connection_id": "api", "url": .string("/" + path)]).output
        }
        #expect(try HTTPWorkspace.records(output) == [["ok": true]])
        #expect(api.requests == ["GET /\(path)"])
    }

    @Test func rejectedCredentialsFailAtOnceWithoutShowingTheSecret() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let failure = await #expect(throws: RunFailure.self) {
            try await api.serve { base in
                workspace.connections.connections["api"] = ["base_url": .string(base), "auth_type": "bearer", "token": "wrong-token"]
                return try await workspace.extract(["connection_id": "api", "url": "secure/bearer"])
            }
        }
        let message = try #require(failure?.message)
        #expect(message.contains("GET http://127.0.0.1:"))
        #expect(message.contains("/secure/bearer answered 401 Unauthorized"))
        #expect(message.contains("rejected credentials Bearer ***"))
        #expect(!message.contains("wrong-token"))
        #expect(failure?.logs.contains { $0.contains("wrong-token") } == false)
        #expect(api.requests.count == 1)
    }

    @Test func aConnectionOfAnotherTypeIsRefused() async throws {
        let workspace = try HTTPWorkspace()
        workspace.connections.connections["db"] = ["type": "postgres", "url": "postgres://localhost/x"]
        let failure = await #expect(throws: RunFailure.self) {
            try await workspace.extract(["connection_id": "db", "url": "items"])
        }
        #expect(failure?.message.contains("is a postgres connection; the http extractor needs an http connection") == true)
    }

    @Test func sameOriginRedirectsKeepTheAuthorizationHeader() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let result = try await api.serve { base in
            workspace.connections.connections["api"] = ["base_url": .string(base), "auth_type": "bearer", "token": .string(TestAPI.token)]
            return try await workspace.extract(["connection_id": "api", "url": "moved/bearer"])
        }
        #expect(try HTTPWorkspace.records(result.output) == [["ok": true]])
        #expect(api.requests == ["GET /moved/bearer", "GET /secure/bearer"])
    }

    @Test func redirectsAreNotFollowedWithAnAPIKeyHeader() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let failure = await #expect(throws: RunFailure.self) {
            try await api.serve { base in
                workspace.connections.connections["api"] = ["base_url": .string(base), "auth_type": "api_key", "api_key": .string(TestAPI.apiKey)]
                return try await workspace.extract(["connection_id": "api", "url": "moved/key"])
            }
        }
        #expect(failure?.message.contains("/moved/key answered 302 Found (redirect to /secure/key, not followed)") == true)
        #expect(api.requests == ["GET /moved/key"])
    }
}
