import API
import HTTPConnector
import Pipelines
import PostgresConnector
import S3Connector
import Store

/// `POST /connections/{id}/test` and `etl-builder connection test`: really connects with the
/// connection's decrypted config — PostgreSQL by connecting and asking its version, HTTP by a GET
/// of `base_url` with the connection's credentials, S3 by HeadBucket on its `bucket`; `file` connections and unknown types as the
/// API's built-in tester does.
struct ProductConnectionTester: ConnectionTester {
    func test(_ connection: ConnectionRecord) async -> ConnectionTestResult {
        switch connection.type {
        case "postgres":
            let result = await PostgresConnectionTest.run(config: ResolvedConnection(connection).config)
            guard result.succeeded else {
                return ConnectionTestResult(status: .failed, message: result.message ?? "connection failed")
            }
            return ConnectionTestResult(
                status: .success, message: "Connection successful", latencyMilliseconds: result.latencyMilliseconds,
                version: result.serverVersion)
        case "http":
            let result = await HTTPConnectionTest.run(name: connection.name, config: ResolvedConnection(connection).config)
            guard result.succeeded else {
                return ConnectionTestResult(status: .failed, message: result.message ?? "request failed")
            }
            return ConnectionTestResult(
                status: .success, message: result.status.map { "Connection successful (\($0))" } ?? "Connection successful",
                latencyMilliseconds: result.latencyMilliseconds)
        case "s3":
            let result = await S3ConnectionTest.run(config: ResolvedConnection(connection).config)
            guard result.succeeded else { return ConnectionTestResult(status: .failed, message: result.message ?? "request failed") }
            return ConnectionTestResult(status: .success, message: "Connection successful", latencyMilliseconds: result.latencyMilliseconds)
        default:
            return await BuiltInConnectionTester().test(connection)
        }
    }
}
