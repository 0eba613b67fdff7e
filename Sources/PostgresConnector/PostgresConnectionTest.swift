import Pipelines
import PostgresClient

/// The result of testing a postgres connection: what `POST /connections/{id}/test` reports.
public struct PostgresConnectionTestResult: ConnectionCheckOutcome, Hashable {
    public var succeeded: Bool
    /// Connect plus one query, in milliseconds (success only).
    public var latencyMilliseconds: Int?
    /// `SELECT version()` (success only).
    public var serverVersion: String?
    /// Why it failed (`authentication failed for user "etlb"`…).
    public var message: String?
    /// The stable error code of the failure.
    public var errorCode: String?

    /// The API's form: `{status: "success", latency_ms, server_version}` or
    /// `{status: "failed", message, error_code}`.
    public var json: JSONValue {
        if succeeded {
            return [
                "status": "success", "latency_ms": .integer(Int64(latencyMilliseconds ?? 0)), "server_version": .string(serverVersion ?? ""),
            ]
        }
        return ["status": "failed", "message": .string(message ?? ""), "error_code": .string(errorCode ?? "")]
    }

    /// The server's version string.
    public var version: String? { serverVersion }
}

/// Really connects with a connection's config and runs `SELECT version()`.
public enum PostgresConnectionTest {
    public static func run(config: [String: JSONValue]) async -> PostgresConnectionTestResult {
        let clock = ContinuousClock()
        let start = clock.now
        do throws(PostgresError) {
            let connection = try await PostgresConnection.connect(PostgresConfiguration(config: config))
            defer { connection.close() }
            let version = try await connection.query("SELECT version()").scalar ?? connection.serverVersion
            return PostgresConnectionTestResult(
                succeeded: true, latencyMilliseconds: (clock.now - start).wholeMilliseconds, serverVersion: version)
        } catch {
            return PostgresConnectionTestResult(succeeded: false, message: error.description, errorCode: error.errorCode)
        }
    }
}
