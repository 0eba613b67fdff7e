import Foundation
import Testing

@Suite("etl-builder run and validate")
struct RunCommandTests {
    let pipelineJSON = """
        {"name": "people", "default_params": {"min_age": 18},
         "config": {"nodes": [
           {"id": "in", "type": "extractor", "module": "csv", "description": "people", "config": {"path": "people.csv"}},
           {"id": "adults", "type": "transformer", "module": "filter", "description": "adults", "config": {"expression": "age >= :min_age"}},
           {"id": "out", "type": "loader", "module": "csv", "description": "result", "config": {"path": "out-${params.tag}.csv"}}],
          "edges": [{"source": "in", "target": "adults"}, {"source": "adults", "target": "out"}]}}
        """

    func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/files", withIntermediateDirectories: true)
        try "name,age\nAnn,30\nBob,12\nCy,18\n".write(toFile: directory.path + "/files/people.csv", atomically: true, encoding: .utf8)
        try pipelineJSON.write(toFile: directory.path + "/pipeline.json", atomically: true, encoding: .utf8)
        return directory
    }

    func environment(_ directory: TemporaryDirectory) -> [String: String] { ["ETL_BUILDER_DATA_DIRECTORY": directory.path + "/data"] }

    @Test func runWritesTheOutputAndPrintsASummary() async throws {
        let directory = try workspace()
        let result = try await runETLBuilder(
            ["run", directory.path + "/pipeline.json", "--param", "tag=x", "--param", "min_age=18", "--files-root", directory.path + "/files"],
            environment: environment(directory))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: directory.path + "/files/out-x.csv", encoding: .utf8) == "name,age\nAnn,30\nCy,18\n")
        #expect(result.stdout.contains("rows in"))
        #expect(result.stdout.contains("adults"))
        #expect(result.stdout.contains("Succeeded: 2 row(s)"))
    }

    @Test func runFailsWithANonZeroExitAndNoOutput() async throws {
        let directory = try workspace()
        let result = try await runETLBuilder(
            ["run", directory.path + "/pipeline.json", "--files-root", directory.path + "/files"], environment: environment(directory))
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("tag"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/files") == ["people.csv"])
    }

    @Test func validateReportsErrorsAndWarnings() async throws {
        let directory = try workspace()
        let valid = try await runETLBuilder(["validate", directory.path + "/pipeline.json"], environment: environment(directory))
        // `${params.tag}` has no default: the file is invalid until a value is given.
        #expect(valid.exitCode == 1)
        #expect(valid.stdout.contains("MISSING_PARAMETER"))
        try pipelineJSON.replacingOccurrences(of: "${params.tag}", with: "all").replacingOccurrences(of: "\"description\": \"adults\", ", with: "")
            .write(toFile: directory.path + "/ok.json", atomically: true, encoding: .utf8)
        let ok = try await runETLBuilder(["validate", directory.path + "/ok.json"], environment: environment(directory))
        #expect(ok.exitCode == 0)
        #expect(ok.stdout.contains("warning: NODE_WITHOUT_DESCRIPTION"))
        #expect(ok.stdout.contains("Node 'adults' has no description"))
    }
}
