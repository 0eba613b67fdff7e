/// A pipeline that passed validation, ready to run: nodes in topological order with their
/// modules, configs (defaults filled in) and the upstream/downstream ids in `edges` order.
struct PipelinePlan: Sendable {
    struct Node: Sendable {
        var definition: NodeDefinition
        var module: any PipelineModule
        var config: ModuleConfig
        var inputs: [String]
        var outputs: [String]
    }

    var nodes: [Node]
}
