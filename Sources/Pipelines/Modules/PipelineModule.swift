/// A finding of a module's own checks, beyond its JSON Schema.
public struct ModuleProblem: Sendable, Hashable {
    public var code: ValidationCode
    /// Path inside the node config, starting with `.` (`.conditions[0].column`), or empty.
    public var path: String
    public var message: String

    public init(_ code: ValidationCode, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }
}

/// What static analysis learns about one node.
public struct ModuleAnalysis: Sendable {
    /// The node's output column names when they can be known without running, else nil.
    public var outputColumns: [String]?
    public var problems: [ModuleProblem]

    public init(outputColumns: [String]?, problems: [ModuleProblem] = []) {
        self.outputColumns = outputColumns
        self.problems = problems
    }
}

/// What a node's operator is built from besides its config.
public struct NodeSetup: Sendable {
    public var nodeID: String
    /// Resolves file paths against `files.root`.
    public var files: FileRoot
    public var parameters: ParameterScope
    /// Resolves `connection_id`s; nil when the run has no metadata store to ask.
    public var connections: (any ConnectionResolver)?
    /// What this node saved with ``NodeContext/saveStateOnSuccess(_:)`` in the pipeline's last
    /// successful run (an incremental extractor's cursor), empty the first time.
    public var state: [String: JSONValue]

    public init(
        nodeID: String, files: FileRoot, parameters: ParameterScope, connections: (any ConnectionResolver)? = nil,
        state: [String: JSONValue] = [:]
    ) {
        self.nodeID = nodeID
        self.files = files
        self.parameters = parameters
        self.connections = connections
        self.state = state
    }

    /// The connection named by `reference` (an id or a name), or a failure naming it.
    public func connection(_ reference: String) async throws -> ResolvedConnection {
        guard let connections else {
            throw ConnectionResolutionError(reference: reference, message: "no connection store is available to this run")
        }
        return try await connections.resolve(reference)
    }
}

/// A module: its descriptor, its static checks and the factory of its operators.
public protocol PipelineModule: Sendable {
    var descriptor: ModuleDescriptor { get }

    /// Checks beyond the JSON Schema (expressions, column names when `inputs` are known) and the
    /// output columns. `config` already passed the schema and carries the defaults. `inputs`
    /// holds each input's columns, nil where unknown.
    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis

    /// The operator that runs one node. `config` carries the defaults and has its templates
    /// (`${params.x}`…) expanded.
    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator
}
