import PostgresClient
import Testing

@Suite("PostgreSQL cancellation")
struct CancellationTests {
    @Test func cancellingTheTaskCancelsTheRunningStatement() async throws {
        let connection = try await PostgresConnection.connect(PostgresConfiguration(url: try testServerURL()))
        defer { connection.close() }
        let sleeper = Task { try await connection.query("SELECT pg_sleep(60)") }
        // Wait until the statement runs on the server, then cancel the task.
        let watcher = try await PostgresConnection.connect(PostgresConfiguration(url: try testServerURL()))
        defer { watcher.close() }
        while try await watcher.query("SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)' AND state = 'active'").scalar == "0" {
            try await Task.sleep(for: .milliseconds(10))
        }
        sleeper.cancel()
        await #expect(throws: PostgresError.cancelled) { try await sleeper.value }
        // The connection stays usable.
        #expect(try await connection.query("SELECT 1").scalar == "1")
    }
}
