/// Static validation of a pipeline (the issue's list of error and warning codes): the one
/// entry point behind `POST /pipelines/{id}/validate`, create/update, `etl-builder validate`,
/// and the engine before it runs anything.
public struct PipelineValidator: Sendable {
    public let registry: ModuleRegistry
    public let connections: (any ConnectionLookup)?

    /// `connections` resolves `connection_id`s; without it they are not checked.
    public init(registry: ModuleRegistry, connections: (any ConnectionLookup)? = nil) {
        self.registry = registry
        self.connections = connections
    }

    /// Validates a pipeline `config` (`nodes`, `edges`). `defaultParameters` and `parameters`
    /// are what `:name` and `${params.name}` references may use.
    public func validate(
        config: JSONValue, defaultParameters: [String: JSONValue] = [:], parameters: [String: JSONValue] = [:]
    ) async -> ValidationReport {
        await plan(config: config, defaultParameters: defaultParameters, parameters: parameters).report
    }

    /// The report, and the runnable plan when there is no error.
    func plan(
        config: JSONValue, defaultParameters: [String: JSONValue], parameters: [String: JSONValue]
    ) async -> (report: ValidationReport, plan: PipelinePlan?) {
        let (definition, readIssues) = PipelineDefinition.read(config)
        var issues = readIssues
        if definition.nodes.isEmpty, !issues.contains(where: { $0.path == "$" || $0.path == "$.nodes" }) {
            issues.append(ValidationIssue(.emptyPipeline, nodeID: nil, path: "$.nodes", message: "The pipeline has no node"))
        }
        // Nodes: unique ids, known modules of the right kind.
        var nodes: [String: NodeDefinition] = [:]
        var order: [String] = []
        var modules: [String: any PipelineModule] = [:]
        for node in definition.nodes {
            guard nodes[node.id] == nil else {
                issues.append(
                    ValidationIssue(.duplicateNodeID, nodeID: node.id, path: node.path + ".id", message: "Node id '\(node.id)' is used more than once"))
                continue
            }
            nodes[node.id] = node
            order.append(node.id)
            guard let kind = node.kind else { continue }
            if let module = registry.module(kind: kind, name: node.module) {
                modules[node.id] = module
            } else if let actual = registry.kinds(named: node.module).first {
                issues.append(
                    ValidationIssue(
                        .wrongNodeKind, nodeID: node.id, path: node.path + ".type",
                        message: "Node '\(node.id)': module '\(node.module)' is a\(actual == .extractor ? "n" : "") \(actual.rawValue), not a\(kind == .extractor ? "n" : "") \(kind.rawValue)"))
            } else {
                issues.append(
                    ValidationIssue(
                        .unknownModule, nodeID: node.id, path: node.path + ".module",
                        message: "Node '\(node.id)': no \(kind.rawValue) module is called '\(node.module)'"))
            }
        }
        // Edges between existing nodes.
        var edges: [(source: String, target: String)] = []
        for edge in definition.edges {
            var valid = true
            for (end, id) in [("source", edge.source), ("target", edge.target)] where nodes[id] == nil {
                issues.append(
                    ValidationIssue(
                        .edgeToMissingNode, nodeID: nil, path: "$.edges[\(edge.index)].\(end)",
                        message: "Edge \(edge.index) \(end) '\(id)' is not a node"))
                valid = false
            }
            if valid { edges.append((edge.source, edge.target)) }
        }
        let graph = PipelineGraph(nodeIDs: order, edges: edges)
        let cycles = graph.cycles()
        for cycle in cycles {
            let first = nodes[cycle[0]]!
            issues.append(
                ValidationIssue(
                    .cycle, nodeID: cycle[0], path: first.path,
                    message: "Cycle: " + (cycle + [cycle[0]]).map { "'\($0)'" }.joined(separator: " → ")))
        }
        issues += graphIssues(graph, nodes: nodes, modules: modules)
        // Per-node config: schema, connections, parameters.
        var configs: [String: ModuleConfig] = [:]
        let parameterNames = Set(defaultParameters.keys).union(parameters.keys)
        for id in order {
            let node = nodes[id]!
            guard let module = modules[id] else { continue }
            let descriptor = module.descriptor
            let config = ModuleConfig(node.config, defaults: descriptor.defaults)
            let schemaIssues = JSONSchemaChecker(nodeID: id).check(.object(config.values), against: descriptor.schema, path: node.path + ".config")
            issues += schemaIssues
            if schemaIssues.isEmpty { configs[id] = config }
            issues += await connectionIssues(node, descriptor: descriptor)
            issues += ParameterCheck(node: node, codeKeys: descriptor.codeKeys, known: parameterNames).issues()
        }
        // Module analysis along the flow, once the graph is sound.
        var columns: [String: [String]] = [:]
        if cycles.isEmpty, let sorted = graph.topologicalOrder() {
            for id in sorted {
                guard let module = modules[id], let config = configs[id] else { continue }
                let analysis = module.analyze(config, inputs: graph.inputs[id]!.map { columns[$0] })
                columns[id] = analysis.outputColumns
                let node = nodes[id]!
                for problem in analysis.problems {
                    issues.append(ValidationIssue(problem.code, nodeID: id, path: node.path + ".config" + problem.path, message: "Node '\(id)': \(problem.message)"))
                }
            }
        }
        issues += warnings(graph, nodes: nodes, order: order)
        let report = ValidationReport(issues: issues)
        guard report.isValid, let sorted = graph.topologicalOrder() else { return (report, nil) }
        let plan = PipelinePlan(
            nodes: sorted.map { id in
                PipelinePlan.Node(
                    definition: nodes[id]!, module: modules[id]!, config: configs[id]!, inputs: graph.inputs[id]!,
                    outputs: graph.outputs[id]!)
            })
        return (report, plan)
    }

    private func graphIssues(_ graph: PipelineGraph, nodes: [String: NodeDefinition], modules: [String: any PipelineModule]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let extractors = graph.nodeIDs.filter { nodes[$0]!.kind == .extractor }
        let reachable = graph.reachable(from: extractors)
        for id in graph.nodeIDs {
            let node = nodes[id]!
            let inputCount = graph.inputs[id]!.count
            switch node.kind {
            case .extractor? where inputCount > 0:
                issues.append(ValidationIssue(.extractorHasInput, nodeID: id, path: node.path, message: "Extractor '\(id)' has \(inputCount) input(s); extractors take none"))
            case .loader? where !graph.outputs[id]!.isEmpty:
                issues.append(ValidationIssue(.loaderHasOutput, nodeID: id, path: node.path, message: "Loader '\(id)' has outputs; loaders end a flow"))
            default: break
            }
            if node.kind != .extractor, !reachable.contains(id) {
                issues.append(ValidationIssue(.unreachableNode, nodeID: id, path: node.path, message: "Node '\(id)' is not reachable from any extractor"))
            }
            if node.kind != .extractor, let module = modules[id], !module.descriptor.inputs.accepts(inputCount) {
                issues.append(
                    ValidationIssue(
                        .wrongInputCount, nodeID: id, path: node.path,
                        message: "Node '\(id)' (\(node.module)) needs \(module.descriptor.inputs) input(s), has \(inputCount)"))
            }
        }
        return issues
    }

    private func connectionIssues(_ node: NodeDefinition, descriptor: ModuleDescriptor) async -> [ValidationIssue] {
        guard !descriptor.connectionTypes.isEmpty, let connections, case .string(let id)? = node.config["connection_id"] else { return [] }
        let path = node.path + ".config.connection_id"
        guard let type = await connections.connectionType(id: id) else {
            return [ValidationIssue(.unknownConnection, nodeID: node.id, path: path, message: "Node '\(node.id)': connection '\(id)' does not exist")]
        }
        guard descriptor.connectionTypes.contains(type) else {
            return [
                ValidationIssue(
                    .wrongConnectionType, nodeID: node.id, path: path,
                    message: "Node '\(node.id)': connection '\(id)' is a \(type) connection; \(node.module) needs \(descriptor.connectionTypes.joined(separator: " or "))")
            ]
        }
        return []
    }

    private func warnings(_ graph: PipelineGraph, nodes: [String: NodeDefinition], order: [String]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for id in order where nodes[id]!.description == nil {
            issues.append(ValidationIssue(.nodeWithoutDescription, nodeID: id, path: nodes[id]!.path, message: "Node '\(id)' has no description"))
        }
        for id in order where nodes[id]!.kind == .extractor {
            if !graph.reachable(from: [id]).contains(where: { nodes[$0]!.kind == .loader }) {
                issues.append(
                    ValidationIssue(.extractorReachesNoLoader, nodeID: id, path: nodes[id]!.path, message: "The data of extractor '\(id)' reaches no loader"))
            }
        }
        return issues
    }
}
