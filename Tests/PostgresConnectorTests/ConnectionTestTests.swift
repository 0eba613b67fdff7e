import Foundation
import Pipelines
import PostgresConnector
import Testing

@Suite("PostgreSQL connection test")
struct ConnectionTestTests {
    private func config(_ changes: [String: JSONValue]) throws -> [String: JSONValue] {
        let url = try #require(URLComponents(string: try testServerURL()))
        var config: [String: JSONValue] = [
            "host": .string(url.host ?? "127.0.0.1"), "port": .integer(Int64(url.port ?? 5432)), "database": .string(String(url.path.dropFirst())),
            "username": .string(url.user ?? ""), "password": .string(url.password ?? ""), "connect_timeout": 5,
        ]
        config.merge(changes) { $1 }
        return config
    }

    @Test func successReportsLatencyAndServerVersion() async throws {
        let result = await PostgresConnectionTest.run(config: try config([:]))
        #expect(result.succeeded)
        #expect(result.latencyMilliseconds != nil)
        #expect(result.serverVersion?.hasPrefix("PostgreSQL ") == true)
        #expect(result.json["status"] == "success")
    }

    @Test func wrongPasswordIsAnAuthenticationFailure() async throws {
        let result = await PostgresConnectionTest.run(config: try config(["password": "wrong"]))
        #expect(!result.succeeded)
        #expect(result.errorCode == "postgres_authentication_failed")
        #expect(result.message?.hasPrefix("authentication failed for user \"") == true)
        #expect(result.json["status"] == "failed")
    }

    @Test func nothingListeningCannotConnect() async throws {
        let result = await PostgresConnectionTest.run(config: try config(["host": "127.0.0.1", "port": 1]))
        #expect(!result.succeeded)
        #expect(result.errorCode == "postgres_unreachable")
        #expect(result.message?.hasPrefix("could not connect to 127.0.0.1:1") == true)
    }

    @Test func requiredTLSAgainstAServerWithoutIt() async throws {
        let result = await PostgresConnectionTest.run(config: try config(["ssl_mode": "require"]))
        #expect(!result.succeeded)
        #expect(result.errorCode == "postgres_tls_unavailable")
        #expect(result.message?.contains("TLS is required") == true)
    }

    @Test func unknownConfigKeysAreRefused() async throws {
        let result = await PostgresConnectionTest.run(config: try config(["passwrod": "x"]))
        #expect(!result.succeeded)
        #expect(result.message?.contains("passwrod") == true)
    }
}
