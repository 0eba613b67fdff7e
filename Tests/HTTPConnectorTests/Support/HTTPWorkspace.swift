import Connectors
import Foundation
import HTTPConnector
import Pipelines

/// Connections by name, as the metadata store would resolve them.
struct FixedConnections: ConnectionResolver {
    var connections: [String: [String: JSONValue]]

    func resolve(_ reference: String) async throws(ConnectionResolutionError) -> ResolvedConnection {
        guard let config = connections[reference] else { throw ConnectionResolutionError(reference: reference, message: "no such connection") }
        return ResolvedConnection(id: reference, name: reference, type: config["type"]?.stringValue ?? "http", config: config)
    }
}

/// A scratch data directory where `http` → file pipelines run through the engine.
final class HTTPWorkspace {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("http-\(UUID().uuidString)").path
    var connections = FixedConnections(connections: [:])

    init() throws { try FileManager.default.createDirectory(atPath: root + "/files", withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Runs `http` with `config` into a `format` (jsonl or csv) file loader.
    @discardableResult
    func extract(_ config: JSONValue, format: String = "jsonl", parameters: [String: JSONValue] = [:]) async throws -> RunResult {
        var registry = ModuleRegistry.builtIn
        for module in HTTPModules.all { registry.register(module) }
        let engine = PipelineEngine(registry: registry, environment: EngineEnvironment(dataDirectory: root), resolver: connections)
        let pipeline: JSONValue = [
            "nodes": [
                ["id": "api", "type": "extractor", "module": "http", "config": config, "description": "test"],
                ["id": "out", "type": "loader", "module": .string(format), "config": ["path": .string("out.\(format)")], "description": "test"],
            ],
            "edges": [["source": "api", "target": "out"]],
        ]
        let request = ExecutionRequest(
            reference: ExecutionReference(executionID: UUID(), pipelineID: UUID()), pipelineName: "http", config: pipeline, defaultParameters: [:],
            parameters: parameters, scheduledFor: nil, triggerType: "manual", attempt: 1, timeout: .seconds(60))
        let events = ExecutionEvents()
        let stream = events.subscribe()
        let collector = Task {
            var result = RunResult()
            for await event in stream {
                switch event {
                case .log(_, let line): result.logs.append(line.message)
                case .progress(_, let percent, _): result.progress.append(percent)
                default: break
                }
            }
            return result
        }
        do {
            _ = try await engine.run(request, events: events)
        } catch {
            events.finish()
            throw RunFailure(message: "\(error)", logs: await collector.value.logs)
        }
        events.finish()
        var result = await collector.value
        result.output = try String(contentsOfFile: root + "/files/out.\(format)", encoding: .utf8)
        return result
    }

    /// The records of a JSON Lines output.
    static func records(_ jsonl: String) throws -> [JSONValue] {
        try jsonl.split(separator: "\n").map { try JSONValue(parsing: String($0)) }
    }
}

/// What a successful run left: the output file's text, its log lines, its progress percentages.
struct RunResult: Sendable {
    var output = ""
    var logs: [String] = []
    var progress: [Int] = []
}

/// A failed run: the execution's error and its log lines.
struct RunFailure: Error, CustomStringConvertible {
    var message: String
    var logs: [String]
    var description: String { message }
}
