import Connectors
import Foundation
import Parquet
import ParquetChecking
import Pipelines
import Testing

/// The `parquet` loader inside real pipeline runs: csv → parquet through the engine.
@Suite("Parquet loader")
struct ParquetLoaderTests {
    /// A data directory with a `files` root, and an engine whose registry has the loader.
    final class Workspace {
        let scratch: ScratchDirectory
        var files: String { scratch.path + "/files" }
        let executionID = UUID()

        init() throws {
            scratch = try ScratchDirectory()
            try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
        }

        @discardableResult
        func run(_ nodes: [(String, String, String, JSONValue)], edges: [(String, String)], parameters: [String: JSONValue] = [:])
            async throws -> [ExecutionEvent]
        {
            var registry = ModuleRegistry.builtIn
            registry.register(ParquetLoaderModule())
            let config = JSONValue.object([
                "nodes": .array(nodes.map { ["id": .string($0.0), "type": .string($0.1), "module": .string($0.2), "config": $0.3, "description": "test"] }),
                "edges": .array(edges.map { ["source": .string($0.0), "target": .string($0.1)] }),
            ])
            let engine = PipelineEngine(registry: registry, environment: EngineEnvironment(dataDirectory: scratch.path))
            let events = ExecutionEvents()
            let stream = events.subscribe()
            let request = ExecutionRequest(
                reference: ExecutionReference(executionID: executionID, pipelineID: UUID()), pipelineName: "t", config: config,
                defaultParameters: [:], parameters: parameters, scheduledFor: nil, triggerType: "manual", attempt: 1, timeout: .seconds(60))
            do {
                _ = try await engine.run(request, events: events)
                events.finish()
            } catch {
                events.finish()
                throw error
            }
            var collected: [ExecutionEvent] = []
            for await event in stream { collected.append(event) }
            return collected
        }
    }

    static let columns: JSONValue = [
        ["name": "id", "type": "int64"], ["name": "customer_id", "type": "int32"], ["name": "amount", "type": "decimal(12,2)"],
        ["name": "status", "type": "string"], ["name": "created_at", "type": "timestamptz"], ["name": "note", "type": "string"],
    ]

    @Test func csvToParquetKeepsDeclaredTypes() async throws {
        let workspace = try Workspace()
        var csv = "id,customer_id,amount,status,created_at,note\n"
        for index in 0..<5000 {
            let note = index % 10 == 0 ? "" : "note \(index)"
            csv += "\(index),\(index % 97),\(index).\(String(format: "%02d", index % 100)),\(["new", "paid"][index % 2]),2025-01-\(String(format: "%02d", 1 + index % 28))T10:00:00Z,\(note)\n"
        }
        try csv.write(toFile: workspace.files + "/orders.csv", atomically: true, encoding: .utf8)
        let events = try await workspace.run(
            [("in", "extractor", "csv", ["path": "orders.csv", "columns": Self.columns]),
             ("out", "loader", "parquet", ["path": "out/orders-${params.day}.parquet", "compression": "zstd", "row_group_rows": 2000])],
            edges: [("in", "out")], parameters: ["day": "2025-01-20"])
        let path = workspace.files + "/out/orders-2025-01-20.parquet"
        let report = try PyArrowReport(reading: path)
        #expect(report.rowCount == 5000)
        #expect(report.rowGroups.count == 3)
        #expect(report.column("amount")?["arrow_type"] == "decimal128(12, 2)")
        #expect(report.column("created_at")?["arrow_type"] == "timestamp[us, tz=UTC]")
        #expect(report.column("customer_id")?["arrow_type"] == "int32")
        #expect(report.chunk(group: 0, column: 0)?["compression"] == "ZSTD")
        #expect(report.values("amount")[1234] == "1234.34")
        #expect(report.values("note")[10] == .null)
        #expect(report.values("note")[11] == "note 11")
        #expect(report.values("created_at")[0] == .integer(1_735_725_600_000_000))
        // Only the target is left behind: the temporary file was renamed.
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.files + "/out") == ["orders-2025-01-20.parquet"])
        let loaded = events.contains { if case .log(_, let line) = $0 { line.message.hasPrefix("Wrote 5000 rows in 3 row group(s)") } else { false } }
        #expect(loaded)
    }

    @Test func aFailedRunLeavesNoFile() async throws {
        let workspace = try Workspace()
        try "id\n1\nx\n".write(toFile: workspace.files + "/bad.csv", atomically: true, encoding: .utf8)
        await #expect(throws: (any Error).self) {
            try await workspace.run(
                [("in", "extractor", "csv", ["path": "bad.csv", "columns": [["name": "id", "type": "int64"]]]),
                 ("out", "loader", "parquet", ["path": "bad.parquet"])],
                edges: [("in", "out")])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.files) == ["bad.csv"])
    }

    @Test func anEmptyInputWritesAFileWithoutRows() async throws {
        let workspace = try Workspace()
        try "id,name\n".write(toFile: workspace.files + "/empty.csv", atomically: true, encoding: .utf8)
        try await workspace.run(
            [("in", "extractor", "csv", ["path": "empty.csv"]), ("out", "loader", "parquet", ["path": "empty.parquet", "compression": "none"])],
            edges: [("in", "out")])
        let report = try PyArrowReport(reading: workspace.files + "/empty.parquet")
        #expect(report.rowCount == 0)
        #expect(report.rowGroups.isEmpty)
    }

    @Test func unknownCompressionIsAConfigError() async throws {
        let workspace = try Workspace()
        try "id\n1\n".write(toFile: workspace.files + "/in.csv", atomically: true, encoding: .utf8)
        await #expect(throws: (any Error).self) {
            try await workspace.run(
                [("in", "extractor", "csv", ["path": "in.csv"]), ("out", "loader", "parquet", ["path": "o.parquet", "compression": "lz4"])],
                edges: [("in", "out")])
        }
    }
}
