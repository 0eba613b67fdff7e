/// One node of a pipeline document.
public struct NodeDefinition: Sendable, Hashable {
    public var id: String
    /// The node `type`; nil when it is not one of the three kinds (a validation error).
    public var kind: NodeKind?
    public var module: String
    public var config: [String: JSONValue]
    public var description: String?
    public var position: JSONValue?
    /// The node's index in `nodes`, for JSON paths.
    public var index: Int

    /// `$.nodes[i]`.
    public var path: String { "$.nodes[\(index)]" }
}

/// One edge of a pipeline document: data flows from `source` to `target`.
public struct EdgeDefinition: Sendable, Hashable {
    public var source: String
    public var target: String
    public var index: Int
}

/// A pipeline's `config` document (`nodes`, `edges`) read leniently: what can be read is kept,
/// what is malformed becomes a ``ValidationIssue`` with its JSON path.
public struct PipelineDefinition: Sendable, Hashable {
    public var nodes: [NodeDefinition]
    public var edges: [EdgeDefinition]

    /// Reads `config`, reporting structural problems (`INVALID_DOCUMENT`, `INVALID_NODE_TYPE`).
    public static func read(_ config: JSONValue) -> (PipelineDefinition, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        func invalid(_ path: String, _ message: String, nodeID: String? = nil) {
            issues.append(ValidationIssue(.invalidDocument, nodeID: nodeID, path: path, message: message))
        }
        guard case .object(let root) = config else {
            invalid("$", "The pipeline config must be a JSON object with nodes and edges")
            return (PipelineDefinition(nodes: [], edges: []), issues)
        }
        var nodes: [NodeDefinition] = []
        switch root["nodes"] {
        case nil, .null: break
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                let path = "$.nodes[\(index)]"
                guard case .object(let node) = element else {
                    invalid(path, "Node \(index) must be an object")
                    continue
                }
                guard case .string(let id) = node["id"], !id.isEmpty else {
                    invalid(path + ".id", "Node \(index) needs a non-empty string id")
                    continue
                }
                let typeText = node["type"]?.stringValue ?? ""
                let kind = NodeKind(rawValue: typeText)
                if kind == nil {
                    issues.append(
                        ValidationIssue(
                            .invalidNodeType, nodeID: id, path: path + ".type",
                            message: "Node '\(id)' has type '\(typeText)'; expected extractor, transformer or loader"))
                }
                guard case .string(let module) = node["module"] else {
                    invalid(path + ".module", "Node '\(id)' needs a module name", nodeID: id)
                    continue
                }
                var config: [String: JSONValue] = [:]
                switch node["config"] {
                case nil, .null: break
                case .object(let value): config = value
                default: invalid(path + ".config", "The config of node '\(id)' must be an object", nodeID: id)
                }
                let description = node["description"]?.stringValue
                nodes.append(
                    NodeDefinition(
                        id: id, kind: kind, module: module, config: config,
                        description: description?.isEmpty == false ? description : nil, position: node["position"],
                        index: index))
            }
        default: invalid("$.nodes", "nodes must be an array")
        }
        var edges: [EdgeDefinition] = []
        switch root["edges"] {
        case nil, .null: break
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                guard case .string(let source) = element["source"], case .string(let target) = element["target"] else {
                    invalid("$.edges[\(index)]", "Edge \(index) needs string source and target")
                    continue
                }
                edges.append(EdgeDefinition(source: source, target: target, index: index))
            }
        default: invalid("$.edges", "edges must be an array")
        }
        return (PipelineDefinition(nodes: nodes, edges: edges), issues)
    }
}
