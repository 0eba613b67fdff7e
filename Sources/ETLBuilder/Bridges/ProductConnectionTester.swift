import API
import HTTPConnector
import Pipelines
import PostgresConnector
import S3Connector
import Store

/// `POST /connections/{id}/test` and `etl-builder connection test`: really connects with the
/// connection's decrypted config — PostgreSQL by connecting and asking its version, HTTP by a
/// GET of `base_url` with the connection's credentials, S3 by HeadBucket on its `bucket`; `file`
/// connections and unknown types as the API's built-in tester does.
struct ProductConnectionTester: ConnectionTester {
    func test(_ connection: ConnectionRecord) async -> ConnectionTestResult {
        let config = ResolvedConnection(connection).config
        switch connection.type {
        case "postgres": return Self.answer(await PostgresConnectionTest.run(config: config), failure: "connection failed")
        case "http": return Self.answer(await HTTPConnectionTest.run(name: connection.name, config: config), failure: "request failed")
        case "s3": return Self.answer(await S3ConnectionTest.run(config: config), failure: "request failed")
        default: return await BuiltInConnectionTester().test(connection)
        }
    }

    /// A connector's outcome as the API's answer; `failure` stands in when it gave no reason.
    private static func answer(_ outcome: some ConnectionCheckOutcome, failure: String) -> ConnectionTestResult {
        guard outcome.succeeded else { return ConnectionTestResult(status: .failed, message: outcome.message ?? failure) }
        return ConnectionTestResult(
            status: .success, message: outcome.successMessage, latencyMilliseconds: outcome.latencyMilliseconds,
            version: outcome.version)
    }
}
