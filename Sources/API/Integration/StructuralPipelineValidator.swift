import Pipelines

/// Checks the shape of a pipeline document — what the API can know without the pipeline engine:
/// `nodes` is an array of objects with a unique non-empty `id`, a `type` among `extractor`,
/// `transformer`, `loader` and a `module` name; `edges` join existing nodes without cycles; there
/// is at least one extractor and one loader.
///
/// Pipelines are saved only if their shape is right (422 `INVALID_PIPELINE_CONFIG`); as the
/// validator of `POST /pipelines/{id}/validate` it says in a warning that modules and their
/// settings were not checked, until the engine's validator is wired in its place.
public struct StructuralPipelineValidator: PipelineValidating {
    /// A validator.
    public init() {}

    /// The structural problems, plus the warning that nothing else was checked.
    public func validate(config: JSONValue, defaultParams: [String: JSONValue]) async -> ValidationReport {
        var report = Self.check(config)
        report.warnings.append(
            "Only the structure of the pipeline was checked (nodes, types, edges, cycles); "
                + "module settings, connections and parameters are not validated by this server yet")
        return report
    }

    /// The structural errors and warnings of `config`.
    public static func check(_ config: JSONValue) -> ValidationReport {
        var errors: [String] = []
        var warnings: [String] = []
        guard case .object(let document) = config else {
            return ValidationReport(errors: ["config must be an object with 'nodes' and 'edges'"], warnings: [])
        }
        guard case .array(let nodes) = document["nodes"] ?? .null else {
            return ValidationReport(errors: ["config.nodes must be an array"], warnings: [])
        }
        var ids: [String] = []
        var known: Set<String> = []
        var types: [String: NodeType] = [:]
        for (index, node) in nodes.enumerated() {
            guard case .object(let fields) = node else {
                errors.append("config.nodes[\(index)] must be an object")
                continue
            }
            guard let id = fields["id"]?.stringValue, !id.isEmpty else {
                errors.append("config.nodes[\(index)].id must be a non-empty string")
                continue
            }
            if known.contains(id) { errors.append("Node id '\(id)' is used more than once") }
            ids.append(id)
            known.insert(id)
            if let type = fields["type"]?.stringValue.flatMap(NodeType.init(rawValue:)) {
                types[id] = type
            } else {
                errors.append("Node '\(id)': type must be one of extractor, transformer, loader")
            }
            if (fields["module"]?.stringValue ?? "").isEmpty { errors.append("Node '\(id)': module must be a non-empty string") }
            switch fields["config"] {
            case nil, .object: break
            default: errors.append("Node '\(id)': config must be an object")
            }
            if fields["description"] == nil { warnings.append("Node '\(id)' has no description") }
        }
        var successors: [String: [String]] = [:]
        switch document["edges"] ?? .array([]) {
        case .array(let edges):
            for (index, edge) in edges.enumerated() {
                guard let source = edge["source"]?.stringValue, let target = edge["target"]?.stringValue else {
                    errors.append("config.edges[\(index)] must have string 'source' and 'target'")
                    continue
                }
                for end in [source, target] where !known.contains(end) {
                    errors.append("config.edges[\(index)] refers to unknown node '\(end)'")
                }
                successors[source, default: []].append(target)
            }
        default:
            errors.append("config.edges must be an array")
        }
        if errors.isEmpty {
            if let cycle = Self.cycle(ids: ids, successors: successors) {
                errors.append("The edges form a cycle through node '\(cycle)'")
            }
            if !nodes.isEmpty {
                if !types.values.contains(.extractor) { errors.append("The pipeline has no extractor") }
                if !types.values.contains(.loader) { errors.append("The pipeline has no loader") }
            } else {
                warnings.append("The pipeline has no nodes")
            }
        }
        return ValidationReport(errors: errors, warnings: warnings)
    }

    /// A node on a cycle, if the graph has one (iterative depth-first search).
    private static func cycle(ids: [String], successors: [String: [String]]) -> String? {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        for root in ids where marks[root] == nil {
            var stack: [(node: String, next: Int)] = [(root, 0)]
            marks[root] = .visiting
            while let (node, next) = stack.last {
                let targets = successors[node] ?? []
                if next < targets.count {
                    stack[stack.count - 1].next += 1
                    let target = targets[next]
                    switch marks[target] {
                    case .visiting: return target
                    case .done: continue
                    case nil:
                        marks[target] = .visiting
                        stack.append((target, 0))
                    }
                } else {
                    marks[node] = .done
                    stack.removeLast()
                }
            }
        }
        return nil
    }
}
