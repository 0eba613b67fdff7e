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

    public init(nodeID: String, files: FileRoot, parameters: ParameterScope) {
        self.nodeID = nodeID
        self.files = files
        self.parameters = parameters
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
