import Connectors
import Foundation
import Pipelines

/// A scratch data directory with a `files` root, and a helper to run pipelines in it.
final class Workspace {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("connectors-\(UUID().uuidString)").path
    var files: String { root + "/files" }
    let executionID = UUID()

    init() throws { try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ name: String, _ text: String) throws { try text.write(toFile: files + "/" + name, atomically: true, encoding: .utf8) }
    func read(_ name: String) throws -> String { try String(contentsOfFile: files + "/" + name, encoding: .utf8) }

    /// Runs nodes `[(id, type, module, config)]` joined by `edges`; returns the outcome and events.
    @discardableResult
    func run(_ nodes: [(String, String, String, JSONValue)], edges: [(String, String)], parameters: [String: JSONValue] = [:]) async throws -> (ExecutionOutcome, [ExecutionEvent]) {
        let config = JSONValue.object([
            "nodes": .array(nodes.map { ["id": .string($0.0), "type": .string($0.1), "module": .string($0.2), "config": $0.3, "description": "test"] }),
            "edges": .array(edges.map { ["source": .string($0.0), "target": .string($0.1)] }),
        ])
        let engine = PipelineEngine(registry: .builtIn, environment: EngineEnvironment(dataDirectory: root))
        let events = ExecutionEvents()
        let stream = events.subscribe()
        let request = ExecutionRequest(
            reference: ExecutionReference(executionID: executionID, pipelineID: UUID()), pipelineName: "t", config: config, defaultParameters: [:],
            parameters: parameters, scheduledFor: nil, triggerType: "manual", attempt: 1, timeout: .seconds(30))
        do {
            let outcome = try await engine.run(request, events: events)
            events.finish()
            var collected: [ExecutionEvent] = []
            for await event in stream { collected.append(event) }
            return (outcome, collected)
        } catch {
            events.finish()
            throw error
        }
    }

    /// A csv → `transform` → csv pipeline over `input`, returning the output text.
    func transform(_ input: String, _ module: String, _ config: JSONValue) async throws -> String {
        try write("in.csv", input)
        try await run(
            [("in", "extractor", "csv", ["path": "in.csv"]), ("t", "transformer", module, config), ("out", "loader", "csv", ["path": "out.csv"])],
            edges: [("in", "t"), ("t", "out")])
        return try read("out.csv")
    }
}
