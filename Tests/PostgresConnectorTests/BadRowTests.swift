import Foundation
import Pipelines
import PostgresClient
import Testing

@Suite("PostgreSQL loader bad rows", .serialized)
struct BadRowTests {
    /// Ten rows; ids 3 and 8 break the target's check constraint.
    private let query = "SELECT g::int8 AS id, CASE WHEN g IN (3, 8) THEN -g ELSE g END::numeric(12,2) AS amount FROM generate_series(1, 10) AS g"

    private func prepare(_ workspace: PostgresWorkspace) async throws {
        try await workspace.exec("CREATE TABLE \(workspace.table("dst")) (id bigint PRIMARY KEY, amount numeric(12,2) CHECK (amount >= 0))")
    }

    @Test func failNamesTheRowAndTheServerMessage() async throws {
        let workspace = try await PostgresWorkspace()
        try await prepare(workspace)
        let error = await #expect(throws: PipelineRunError.self) {
            try await workspace.copy(extractor: ["query": .string(query), "batch_size": 4], into: "dst")
        }
        #expect(error?.message.contains("row 3 of the input") == true)
        #expect(error?.message.contains("violates check constraint") == true)
        #expect(try await workspace.scalar("SELECT count(*) FROM \(workspace.table("dst"))") == "0")
        try await workspace.tearDown()
    }

    @Test func quarantineBisectsToTheBadRowsAndLoadsTheRest() async throws {
        let workspace = try await PostgresWorkspace()
        try await prepare(workspace)
        try await workspace.copy(extractor: ["query": .string(query), "batch_size": 10], into: "dst", loader: ["on_error": "quarantine"])
        #expect(try await workspace.rows("SELECT id FROM \(workspace.table("dst")) ORDER BY id").map { $0[0] ?? "" } == ["1", "2", "4", "5", "6", "7", "9", "10"])
        let quarantine = try String(
            contentsOfFile: "\(workspace.root)/quarantine/\(workspace.executionID.uuidString.lowercased())/out.jsonl", encoding: .utf8)
        let lines = quarantine.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("violates check constraint") })
        #expect(lines.first?.contains("\"id\":3") == true)
        try await workspace.tearDown()
    }

    @Test func skipDropsRowsThatDoNotConvert() async throws {
        let workspace = try await PostgresWorkspace()
        try await workspace.exec("CREATE TABLE \(workspace.table("dst")) (id smallint, code varchar(3))")
        let query = "SELECT * FROM (VALUES (1::int8, 'abc'), (70000, 'ok'), (2, 'toolong')) AS v(id, code)"
        try await workspace.copy(extractor: ["query": .string(query)], into: "dst", loader: ["on_error": "skip"])
        #expect(try await workspace.fingerprint("dst") == ["(1,abc)"])
        try await workspace.tearDown()
    }
}
