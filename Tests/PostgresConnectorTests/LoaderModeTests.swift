import Pipelines
import PostgresClient
import Testing

@Suite("PostgreSQL loader modes", .serialized)
struct LoaderModeTests {
    /// A source of rows `id, name` with ids `ids` named `prefix<id>`.
    private func source(_ workspace: PostgresWorkspace, _ ids: ClosedRange<Int>, prefix: String) -> JSONValue {
        ["query": .string("SELECT g::int8 AS id, '\(prefix)' || g AS name FROM generate_series(\(ids.lowerBound), \(ids.upperBound)) AS g")]
    }

    private func prepareTarget(_ workspace: PostgresWorkspace) async throws {
        try await workspace.exec(
            "CREATE TABLE \(workspace.table("dst")) (id bigint PRIMARY KEY, name text NOT NULL, note text DEFAULT 'kept')",
            "INSERT INTO \(workspace.table("dst")) (id, name) VALUES (1, 'old1'), (2, 'old2')")
    }

    @Test func appendAddsRows() async throws {
        let workspace = try await PostgresWorkspace()
        try await prepareTarget(workspace)
        try await workspace.copy(extractor: source(workspace, 3...4, prefix: "new"), into: "dst", loader: ["mode": "append"])
        #expect(try await workspace.fingerprint("dst") == ["(1,old1,kept)", "(2,old2,kept)", "(3,new3,kept)", "(4,new4,kept)"])
        try await workspace.tearDown()
    }

    @Test func truncateEmptiesThenLoads() async throws {
        let workspace = try await PostgresWorkspace()
        try await prepareTarget(workspace)
        try await workspace.copy(extractor: source(workspace, 2...3, prefix: "new"), into: "dst", loader: ["mode": "truncate"])
        #expect(try await workspace.fingerprint("dst") == ["(2,new2,kept)", "(3,new3,kept)"])
        try await workspace.tearDown()
    }

    @Test func replaceSwapsInANewTableKeepingItsDefinition() async throws {
        let workspace = try await PostgresWorkspace()
        try await prepareTarget(workspace)
        try await workspace.copy(extractor: source(workspace, 5...6, prefix: "new"), into: "dst", loader: ["mode": "replace"])
        #expect(try await workspace.fingerprint("dst") == ["(5,new5,kept)", "(6,new6,kept)"])
        #expect(try await workspace.columnTypes("dst") == ["id bigint", "name text", "note text"])
        #expect(try await workspace.primaryKey("dst") == ["id"])
        let constraint = try await workspace.rows(
            "SELECT conname FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype = 'p'", [workspace.table("dst")])
        #expect(constraint == [["dst_pkey"]])
        #expect(try await workspace.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = '\(workspace.schema)'") == "1")
        try await workspace.tearDown()
    }

    @Test func replaceCreatesAMissingTableFromTheSource() async throws {
        let workspace = try await PostgresWorkspace()
        try await workspace.copy(extractor: source(workspace, 1...2, prefix: "n"), into: "fresh", loader: ["mode": "replace", "primary_key": ["id"]])
        #expect(try await workspace.fingerprint("fresh") == ["(1,n1)", "(2,n2)"])
        #expect(try await workspace.primaryKey("fresh") == ["id"])
        try await workspace.tearDown()
    }

    @Test func mergeUpsertsOnThePrimaryKeyAndTheLastDuplicateWins() async throws {
        let workspace = try await PostgresWorkspace()
        try await prepareTarget(workspace)
        let query = "SELECT * FROM (VALUES (2::int8, 'first'), (3, 'inserted'), (2, 'updated')) AS v(id, name)"
        try await workspace.copy(extractor: ["query": .string(query)], into: "dst", loader: ["mode": "merge"])
        #expect(try await workspace.fingerprint("dst") == ["(1,old1,kept)", "(2,updated,kept)", "(3,inserted,kept)"])
        try await workspace.tearDown()
    }

    @Test func missingTableAndNewColumnsFollowTheFlags() async throws {
        let workspace = try await PostgresWorkspace()
        await #expect(throws: PipelineRunError.self) {
            try await workspace.copy(extractor: source(workspace, 1...1, prefix: "n"), into: "absent")
        }
        try await workspace.exec("CREATE TABLE \(workspace.table("narrow")) (id bigint)")
        let error = await #expect(throws: PipelineRunError.self) {
            try await workspace.copy(extractor: source(workspace, 1...1, prefix: "n"), into: "narrow")
        }
        #expect(error?.message.contains("add_new_columns") == true)
        try await workspace.copy(extractor: source(workspace, 1...1, prefix: "n"), into: "narrow", loader: ["add_new_columns": true])
        #expect(try await workspace.columnTypes("narrow") == ["id bigint", "name text"])
        #expect(try await workspace.fingerprint("narrow") == ["(1,n1)"])
        try await workspace.tearDown()
    }
}
