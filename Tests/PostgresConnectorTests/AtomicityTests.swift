import Foundation
import Pipelines
import PostgresClient
import Testing

@Suite("PostgreSQL loader atomicity", .serialized)
struct AtomicityTests {
    @Test func killingTheLoadingBackendMidLoadLeavesTheTargetUnchanged() async throws {
        let workspace = try await PostgresWorkspace()
        try await workspace.exec(
            "CREATE TABLE \(workspace.table("dst")) (id bigint PRIMARY KEY, name text)",
            "INSERT INTO \(workspace.table("dst")) SELECT g, 'before' FROM generate_series(1000001, 1000100) AS g")
        let before = try await workspace.fingerprint("dst")
        // The source pauses half-way, so the loader is mid-load (its transaction has written)
        // when its backend is terminated.
        let query = """
            SELECT g::int8 AS id, 'row ' || g AS name FROM generate_series(1, 20000) AS g
            WHERE CASE WHEN g = 10000 THEN pg_sleep(2) IS NOT NULL ELSE true END
            """
        let application = workspace.loaderApplication
        let admin = workspace.admin
        let killer = Task {
            for _ in 0..<400 {
                let killed = try await admin.query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND backend_xid IS NOT NULL",
                    [application])
                if !killed.rows.isEmpty { return true }
                try await Task.sleep(for: .milliseconds(20))
            }
            return false
        }
        let error = await #expect(throws: PipelineRunError.self) {
            try await workspace.copy(extractor: ["query": .string(query), "batch_size": 500], into: "dst", loader: ["mode": "truncate"])
        }
        #expect(try await killer.value)
        #expect(error?.nodeID == "out")
        #expect(error?.message.contains("connection") == true)
        #expect(try await workspace.fingerprint("dst") == before)
        try await workspace.tearDown()
    }

    @Test func aFailingNodeElsewhereRollsTheLoadBack() async throws {
        let workspace = try await PostgresWorkspace()
        try await workspace.exec("CREATE TABLE \(workspace.table("dst")) (id bigint PRIMARY KEY)")
        // A second loader fails (its table does not exist) after the first loaded everything.
        let extractor: JSONValue = ["connection_id": "src", "query": "SELECT g::int8 AS id FROM generate_series(1, 100) AS g"]
        await #expect(throws: PipelineRunError.self) {
            try await workspace.run(
                [
                    ("in", "extractor", "postgres", extractor),
                    ("good", "loader", "postgres", ["connection_id": "dst", "schema": .string(workspace.schema), "table": "dst"]),
                    ("bad", "loader", "postgres", ["connection_id": "dst", "schema": .string(workspace.schema), "table": "missing"]),
                ], edges: [("in", "good"), ("in", "bad")])
        }
        #expect(try await workspace.scalar("SELECT count(*) FROM \(workspace.table("dst"))") == "0")
        try await workspace.tearDown()
    }
}
