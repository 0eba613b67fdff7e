import API
import Pipelines
import PostgresConnector
import Store

/// `POST /connections/{id}/test` and `etl-builder connection test`: really connects with the
/// connection's decrypted config — PostgreSQL by connecting and asking its version; `file`
/// connections and unknown types as the API's built-in tester does.
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
        default:
            return await BuiltInConnectionTester().test(connection)
        }
    }
}
