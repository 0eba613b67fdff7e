import Foundation
import Pipelines
import Synchronization

/// Small modules for engine tests: a counting source, pass-through and failing transforms, a
/// two-input concatenation, a collecting sink and a SQL-style module with a connection.
enum TestModules {
    static let registry = ModuleRegistry([
        Numbers(), Pass(), Fail(), Pair(), Sink(), Query(),
    ])

    /// Rows every `sink` node received, by node id.
    static let collected = Mutex<[String: [Int64]]>([:])

    static func schema(_ properties: JSONValue = [:], required: [String] = []) -> JSONValue {
        ["type": "object", "additionalProperties": false, "properties": properties, "required": .array(required.map(JSONValue.string))]
    }

    /// `numbers`: emits `count` rows of column `n` = 0..<count, `batch` rows at a time, waiting
    /// `delay_ms` between batches.
    struct Numbers: PipelineModule {
        let descriptor = ModuleDescriptor(
            kind: .extractor, name: "numbers", displayName: "Numbers", description: "Counts", icon: "hash", color: "#000000",
            schema: schema(["count": ["type": "integer", "minimum": 0], "batch": ["type": "integer", "default": 100], "delay_ms": ["type": "integer", "default": 0], "label": ["type": "string"]], required: ["count"]))
        func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis { ModuleAnalysis(outputColumns: ["n"]) }
        func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
            Operator(count: try config.integer("count") ?? 0, batch: try config.integer("batch") ?? 100, delay: try config.integer("delay_ms") ?? 0)
        }
        struct Operator: NodeOperator {
            var count: Int, batch: Int, delay: Int
            func run(_ context: NodeContext) async throws {
                let schema = Schema([Field(name: "n", type: .int64)])
                for start in stride(from: 0, to: count, by: batch) {
                    if delay > 0 { try await Task.sleep(for: .milliseconds(delay)) }
                    var builder = ColumnBuilder(type: .int64)
                    for value in start..<min(count, start + batch) { builder.appendInt64(Int64(value)) }
                    try await context.output.emit(RecordBatch(schema: schema, columns: [builder.finish()]))
                    context.reportProgress(Double(start + batch) / Double(max(count, 1)))
                }
            }
        }
    }

    /// `pass`: forwards batches; `expression` is a code key for parameter tests.
    struct Pass: PipelineModule {
        let descriptor = ModuleDescriptor(
            kind: .transformer, name: "pass", displayName: "Pass", description: "Forwards", icon: "arrow", color: "#000000",
            schema: schema(["expression": ["type": "string"], "note": ["type": "string"]]))
        func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis {
            var problems: [ModuleProblem] = []
            if let text = config["expression"]?.stringValue {
                do {
                    let expression = try Expression(parsing: text)
                    for column in expression.columns where inputs.first??.contains(column) == false {
                        problems.append(ModuleProblem(.unknownColumn, path: ".expression", message: "unknown column \(column)"))
                    }
                } catch {
                    problems.append(ModuleProblem(.invalidExpression, path: ".expression", message: "\(error)"))
                }
            }
            return ModuleAnalysis(outputColumns: inputs.first ?? nil, problems: problems)
        }
        func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator { Operator() }
        struct Operator: NodeOperator {
            func run(_ context: NodeContext) async throws {
                while let batch = try await context.inputs[0].next() { try await context.output.emit(batch) }
            }
        }
    }

    /// `fail`: forwards `after` rows, then throws.
    struct Fail: PipelineModule {
        let descriptor = ModuleDescriptor(
            kind: .transformer, name: "fail", displayName: "Fail", description: "Fails", icon: "x", color: "#000000",
            schema: schema(["after": ["type": "integer", "default": 0]]))
        func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis { ModuleAnalysis(outputColumns: inputs.first ?? nil) }
        func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator { Operator(after: try config.integer("after") ?? 0) }
        struct Operator: NodeOperator {
            var after: Int
            func run(_ context: NodeContext) async throws {
                var seen = 0
                while let batch = try await context.inputs[0].next() {
                    seen += batch.rowCount
                    if seen > after { throw NodeFailure("boom after \(seen) rows") }
                    try await context.output.emit(batch)
                }
            }
        }
    }

    /// `pair`: two inputs, everything from both (fan-in).
    struct Pair: PipelineModule {
        let descriptor = ModuleDescriptor(
            kind: .transformer, name: "pair", displayName: "Pair", description: "Fan-in", icon: "merge", color: "#000000",
            schema: schema(), inputs: .exactly(2))
        func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis { ModuleAnalysis(outputColumns: inputs.first ?? nil) }
        func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator { Operator() }
        struct Operator: NodeOperator {
            func run(_ context: NodeContext) async throws {
                try await context.mergedInputs { _, batch in
                    if let batch { try await context.output.emit(batch) }
                }
            }
        }
    }

    /// `sink`: records the `n` values it receives, optionally writing `path` through a commit.
    struct Sink: PipelineModule {
        let descriptor = ModuleDescriptor(
            kind: .loader, name: "sink", displayName: "Sink", description: "Collects", icon: "inbox", color: "#000000",
            schema: schema(["path": ["type": "string"], "delay_ms": ["type": "integer", "default": 0]]))
        func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis { ModuleAnalysis(outputColumns: nil) }
        func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
            Operator(nodeID: setup.nodeID, path: try config.string("path").map { try setup.files.resolve($0) }, delay: try config.integer("delay_ms") ?? 0)
        }
        struct Operator: NodeOperator {
            var nodeID: String
            var path: String?
            var delay: Int
            func run(_ context: NodeContext) async throws {
                var values: [Int64] = []
                while let batch = try await context.inputs[0].next() {
                    if delay > 0 { try await Task.sleep(for: .milliseconds(delay)) }
                    for row in 0..<batch.rowCount { if case .int(let value) = batch.columns[0][row] { values.append(value) } }
                }
                TestModules.collected.withLock { $0[nodeID] = values }
                context.recordLoaded(rows: Int64(values.count), bytes: Int64(values.count * 8))
                if let path {
                    let temporary = path + ".tmp"
                    FileManager.default.createFile(atPath: temporary, contents: Data("\(values.count)\n".utf8))
                    context.onCommit({ try FileManager.default.moveItem(atPath: temporary, toPath: path) }, rollback: { try? FileManager.default.removeItem(atPath: temporary) })
                }
            }
        }
    }

    /// `query`: an extractor with SQL and a connection, for parameter and connection checks.
    struct Query: PipelineModule {
        let descriptor = ModuleDescriptor(
            kind: .extractor, name: "query", displayName: "Query", description: "SQL", icon: "database", color: "#000000",
            schema: schema(["connection_id": ["type": "string"], "query": ["type": "string"]], required: ["connection_id", "query"]),
            codeKeys: ["query"], connectionTypes: ["postgres"])
        func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis { ModuleAnalysis(outputColumns: nil) }
        func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator { Numbers.Operator(count: 0, batch: 1, delay: 0) }
    }
}

/// A fixed table of connections.
struct FixedConnections: ConnectionLookup {
    var types: [String: String]
    func connectionType(id: String) async -> String? { types[id] }
}

/// A node of a test pipeline.
struct TestNode {
    var id: String
    var type: String
    var module: String
    var config: JSONValue
}

func node(_ id: String, _ type: String, _ module: String, _ config: JSONValue = [:]) -> TestNode {
    TestNode(id: id, type: type, module: module, config: config)
}

/// Builds a pipeline config from compact node and edge lists.
func pipeline(_ nodes: [TestNode], edges: [(String, String)], describe: Bool = true) -> JSONValue {
    .object([
        "nodes": .array(nodes.map { node in
            var object: [String: JSONValue] = [
                "id": .string(node.id), "type": .string(node.type), "module": .string(node.module), "config": node.config,
                "position": ["x": 0, "y": 0],
            ]
            if describe { object["description"] = .string("node \(node.id)") }
            return .object(object)
        }),
        "edges": .array(edges.map { ["source": .string($0.0), "target": .string($0.1)] }),
    ])
}
