import Foundation
import Pipelines
import PostgresClient
import Testing

@Suite("PostgreSQL extractor", .serialized)
struct ExtractorTests {
    @Test func incrementalRunsReadOnlyRowsAboveTheLastSuccessfulCursor() async throws {
        let workspace = try await PostgresWorkspace()
        try await workspace.exec(
            "CREATE TABLE \(workspace.table("src")) (id bigint PRIMARY KEY, changed timestamptz NOT NULL)",
            "CREATE TABLE \(workspace.table("dst")) (id bigint, changed timestamptz)",
            "INSERT INTO \(workspace.table("src")) VALUES (1, '2025-01-01 00:00:00+00'), (2, '2025-01-02 00:00:00.000001+00'), (3, '2025-01-03 00:00:00+00')")
        let extractor: JSONValue = [
            "table": "src", "schema": .string(workspace.schema), "cursor_column": "changed", "initial_value": "2025-01-01T12:00:00Z",
        ]
        let first = try await workspace.copy(extractor: extractor, into: "dst")
        #expect(try await workspace.rows("SELECT id FROM \(workspace.table("dst")) ORDER BY id").map { $0[0] } == ["2", "3"])
        #expect(first.nodeState["in"]?["cursor"] == .string("2025-01-03T00:00:00Z"))

        try await workspace.exec("INSERT INTO \(workspace.table("src")) VALUES (4, '2025-01-03 00:00:00.5+00'), (0, '2024-12-31 00:00:00+00')")
        let second = try await workspace.copy(extractor: extractor, into: "dst", state: first.nodeState)
        #expect(try await workspace.rows("SELECT id FROM \(workspace.table("dst")) ORDER BY id").map { $0[0] } == ["2", "3", "4"])
        #expect(second.nodeState["in"]?["cursor"] == .string("2025-01-03T00:00:00.500000Z"))

        // Nothing new: the cursor stays where it was.
        let third = try await workspace.copy(extractor: extractor, into: "dst", state: second.nodeState)
        #expect(third.rowsProcessed == 0)
        #expect(third.nodeState["in"]?["cursor"] == second.nodeState["in"]?["cursor"])
        try await workspace.tearDown()
    }

    @Test func hostileBindValuesStayValues() async throws {
        let workspace = try await PostgresWorkspace()
        let hostile = ["'; DROP TABLE \(workspace.table("src")); --", "O'Brien \"the\" \\ back", "Zoë 😀 日本", ":name $1 ?"]
        try await workspace.exec("CREATE TABLE \(workspace.table("src")) (id int, name text)")
        for (index, name) in hostile.enumerated() {
            try await workspace.admin.query("INSERT INTO \(workspace.table("src")) VALUES ($1, $2)", [String(index), name])
        }
        try await workspace.exec("CREATE TABLE \(workspace.table("dst")) (id int, name text)")
        for (index, name) in hostile.enumerated() {
            try await workspace.copy(
                extractor: ["query": .string("SELECT id, name FROM \(workspace.table("src")) WHERE name = :name AND ':name' <> :name")],
                into: "dst", parameters: ["name": .string(name)])
            #expect(try await workspace.scalar("SELECT count(*) FROM \(workspace.table("dst")) WHERE id = \(index)") == "1")
        }
        #expect(try await workspace.rows("SELECT name FROM \(workspace.table("dst")) ORDER BY id").map { $0[0] ?? "" } == hostile)

        let error = await #expect(throws: PipelineRunError.self) {
            try await workspace.copy(
                extractor: ["query": .string("SELECT id, name FROM \(workspace.table("src")) WHERE name = :name")], into: "dst",
                parameters: ["name": "before\u{0}after"])
        }
        #expect(error?.message.contains("NUL") == true)
        #expect(try await workspace.scalar("SELECT count(*) FROM \(workspace.table("src"))") == "4")
        try await workspace.tearDown()
    }

    @Test func tableModeWithColumnsAndWhere() async throws {
        let workspace = try await PostgresWorkspace()
        try await workspace.exec(
            "CREATE TABLE \(workspace.table("src")) (id int PRIMARY KEY, kind text, \"Odd \"\"name\"\"\" text)",
            "INSERT INTO \(workspace.table("src")) VALUES (1, 'a', 'x'), (2, 'b', 'y'), (3, 'a', 'z')")
        try await workspace.copy(
            extractor: ["table": "src", "schema": .string(workspace.schema), "columns": ["id", "Odd \"name\""], "where": "kind = :kind"],
            into: "dst", loader: ["create_table": true], parameters: ["kind": "a"])
        #expect(try await workspace.columnTypes("dst") == ["id integer", "Odd \"name\" text"])
        #expect(try await workspace.fingerprint("dst") == ["(1,x)", "(3,z)"])
        #expect(try await workspace.primaryKey("dst") == ["id"])
        try await workspace.tearDown()
    }
}
