import HTTPConnector
import Pipelines
import Testing

/// `http` connections: their configs are checked, and testing one really asks the server.
@Suite struct ConnectionTypeTests {
    @Test func configsNeedTheFieldsOfTheirAuthTypeAndAnAbsoluteBaseURL() {
        #expect(ConnectionType.http.problems(in: ["base_url": "https://api.example/v1", "auth_type": "bearer", "token": "t"]).isEmpty)
        #expect(ConnectionType.http.problems(in: ["auth_type": "basic", "username": "alice"]).map(\.path) == ["config.password"])
        #expect(ConnectionType.http.problems(in: ["base_url": "api.example"]).map(\.path) == ["config.base_url"])
        #expect(ConnectionType.http.problems(in: ["auth_type": "oauth"]).map(\.path) == ["config.auth_type"])
    }

    @Test func aTestSucceedsWhenTheServerAcceptsTheCredentials() async throws {
        let result = try await TestAPI().serve { base in
            await HTTPConnectionTest.run(name: "api", config: ["base_url": .string(base + "/secure/bearer"), "auth_type": "bearer", "token": .string(TestAPI.token)])
        }
        #expect(result.succeeded)
        #expect(result.status == "200 OK")
        #expect(result.latencyMilliseconds != nil)
    }

    @Test func aTestFailsWhenTheServerRefusesTheCredentialsAndHidesThem() async throws {
        let result = try await TestAPI().serve { base in
            await HTTPConnectionTest.run(name: "api", config: ["base_url": .string(base + "/secure/key"), "auth_type": "api_key", "api_key": "wrong-key"])
        }
        #expect(!result.succeeded)
        #expect(result.errorCode == "http_status")
        #expect(result.message?.hasSuffix("/secure/key answered 401 Unauthorized") == true)
        #expect(result.message?.contains("wrong-key") == false)
    }
}
