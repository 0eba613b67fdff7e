import Connectors
import Foundation
import Pipelines
import Testing

@Suite("File modules")
struct FileModuleTests {
    @Test func csvRoundTripKeepsTypesQuotesAndNulls() async throws {
        let workspace = try Workspace()
        let input = "id,name,amount,day,flag\n1,\"Smith, J\",12.50,2025-01-20,true\n2,\"say \"\"hi\"\"\",,2025-01-21,false\r\n3,multi\nline,3,2025-01-22,true\n"
        let fixed = input.replacingOccurrences(of: "3,multi\nline", with: "3,\"multi\nline\"")
        let output = try await workspace.transform(fixed, "limit", ["count": 10])
        #expect(output == "id,name,amount,day,flag\n1,\"Smith, J\",12.5,2025-01-20,true\n2,\"say \"\"hi\"\"\",,2025-01-21,false\n3,\"multi\nline\",3,2025-01-22,true\n")
    }

    @Test func declaredTypesAndBadRowsGoToQuarantine() async throws {
        let workspace = try Workspace()
        try workspace.write("in.csv", "id;price\n1;2.50\nx;3\n3;4.125\n")
        let (_, events) = try await workspace.run(
            [("in", "extractor", "csv", ["path": "in.csv", "delimiter": ";", "on_error": "quarantine", "columns": [["name": "id", "type": "int32"], ["name": "price", "type": "decimal(10,2)"]]]),
             ("out", "loader", "jsonl", ["path": "out.jsonl"])],
            edges: [("in", "out")])
        #expect(try workspace.read("out.jsonl") == "{\"id\":1,\"price\":\"2.50\"}\n{\"id\":3,\"price\":\"4.13\"}\n")
        let quarantine = try String(contentsOfFile: "\(workspace.root)/quarantine/\(workspace.executionID.uuidString.lowercased())/in.jsonl", encoding: .utf8)
        #expect(quarantine.contains("\"id\":\"x\""))
        #expect(quarantine.contains("is not a valid int32"))
        let metrics = events.compactMap { if case .nodeMetrics(_, let m) = $0, m.nodeID == "in" { m } else { nil } }
        #expect(metrics.first?.rowsFiltered == 1)
        #expect(metrics.first?.rowsOutput == 2)
    }

    @Test func jsonlAndJsonExtractors() async throws {
        let workspace = try Workspace()
        try workspace.write("a.jsonl", "{\"id\": 1, \"tags\": [\"x\"], \"v\": 1.5}\n\n{\"id\": 2, \"v\": 2}\n")
        try workspace.write("b.json", "{\"data\": {\"items\": [{\"id\": 3, \"v\": 0.5}]}}")
        try await workspace.run(
            [("a", "extractor", "jsonl", ["path": "a.jsonl"]), ("b", "extractor", "json", ["path": "b.json", "records_path": "data.items"]),
             ("u", "transformer", "union", [:]), ("s", "transformer", "sort", ["columns": [["column": "id"]]]), ("out", "loader", "csv", ["path": "out.csv"])],
            edges: [("a", "u"), ("b", "u"), ("u", "s"), ("s", "out")])
        let text = try workspace.read("out.csv")
        #expect(text == "id,tags,v\n1,\"[\"\"x\"\"]\",1.5\n2,,2\n3,,0.5\n" || text == "id,v\n1,1.5\n2,2\n3,0.5\n")
    }

    @Test func pathsOutsideTheRootAreRefused() async throws {
        let workspace = try Workspace()
        await #expect(throws: PipelineRunError.self) {
            try await workspace.run([("in", "extractor", "csv", ["path": "../../etc/passwd"]), ("out", "loader", "csv", ["path": "o.csv"])], edges: [("in", "out")])
        }
    }

    @Test func templatedOutputPath() async throws {
        let workspace = try Workspace()
        try workspace.write("in.csv", "a\n1\n")
        try await workspace.run(
            [("in", "extractor", "csv", ["path": "in.csv"]), ("out", "loader", "csv", ["path": "out-${params.day}.csv"])], edges: [("in", "out")],
            parameters: ["day": "2025-01-20"])
        #expect(try workspace.read("out-2025-01-20.csv") == "a\n1\n")
    }
}
