import Foundation

/// Where a run's files live.
public struct EngineEnvironment: Sendable, Hashable {
    /// Relative paths of file modules resolve here (config `files.root`, default `<data dir>/files`).
    public var files: FileRoot
    /// Rejected rows go to `<quarantineRoot>/<execution_id>/<node_id>.jsonl` (`<data dir>/quarantine`).
    public var quarantineRoot: String
    /// Batches a channel between two nodes holds before its producer waits.
    public var channelCapacity: Int

    public init(filesRoot: String, quarantineRoot: String, channelCapacity: Int = 4) {
        files = FileRoot(path: filesRoot)
        self.quarantineRoot = quarantineRoot
        self.channelCapacity = channelCapacity
    }

    /// The layout under a data directory: `<dataDirectory>/files` (unless `filesRoot` is given)
    /// and `<dataDirectory>/quarantine`.
    public init(dataDirectory: String, filesRoot: String? = nil) {
        self.init(filesRoot: filesRoot ?? dataDirectory + "/files", quarantineRoot: dataDirectory + "/quarantine")
    }
}

/// The pipeline engine: validates a pipeline, builds one operator per node, connects them with
/// bounded channels and runs every node as a child task. It is the executor's ``PipelineRunner``.
public struct PipelineEngine: PipelineRunner {
    public let registry: ModuleRegistry
    public let environment: EngineEnvironment
    /// Lets the validator check `connection_id`s.
    public let connections: (any ConnectionLookup)?
    /// Gives running nodes their connections' decrypted configs.
    public let resolver: (any ConnectionResolver)?

    public init(
        registry: ModuleRegistry, environment: EngineEnvironment, connections: (any ConnectionLookup)? = nil,
        resolver: (any ConnectionResolver)? = nil
    ) {
        self.registry = registry
        self.environment = environment
        self.connections = connections
        self.resolver = resolver
    }

    public func run(_ request: ExecutionRequest, events: ExecutionEvents) async throws -> ExecutionOutcome {
        let validator = PipelineValidator(registry: registry, connections: connections)
        let (report, plan) = await validator.plan(
            config: request.config, defaultParameters: request.defaultParameters, parameters: request.parameters)
        guard let plan else {
            let first = report.errors.first
            let summary = report.errors.map(\.message).joined(separator: "; ")
            throw PipelineRunError(nodeID: first?.nodeID, message: "invalid pipeline: \(summary)")
        }
        let scope = ParameterScope(
            defaults: request.defaultParameters, overrides: request.parameters, executionID: request.reference.executionID,
            scheduledFor: request.scheduledFor ?? Date())
        let run = try PipelineRun(
            plan: plan, scope: scope, environment: environment, connections: resolver, nodeState: request.nodeState,
            reference: request.reference, events: events)
        return try await run.execute(timeout: request.timeout)
    }
}
