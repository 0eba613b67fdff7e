/// The edges of a pipeline between existing nodes, with the graph questions validation and the
/// runtime ask: inputs and outputs in edge order, cycles, topological order, reachability.
struct PipelineGraph {
    /// Node ids in document order.
    let nodeIDs: [String]
    /// Upstream node ids of each node, in `edges` order.
    let inputs: [String: [String]]
    /// Downstream node ids of each node, in `edges` order.
    let outputs: [String: [String]]

    init(nodeIDs: [String], edges: [(source: String, target: String)]) {
        self.nodeIDs = nodeIDs
        var inputs = Dictionary(uniqueKeysWithValues: nodeIDs.map { ($0, [String]()) })
        var outputs = inputs
        for edge in edges {
            inputs[edge.target, default: []].append(edge.source)
            outputs[edge.source, default: []].append(edge.target)
        }
        self.inputs = inputs
        self.outputs = outputs
    }

    /// Each cycle once, as its nodes in flow order starting from the earliest in the document.
    func cycles() -> [[String]] {
        var state: [String: Int] = [:]  // 1: on the current path, 2: done
        var path: [String] = []
        var found: [[String]] = []
        var seen: Set<Set<String>> = []
        func visit(_ node: String) {
            state[node] = 1
            path.append(node)
            for next in outputs[node] ?? [] {
                switch state[next] {
                case 1:
                    let cycle = Array(path[path.lastIndex(of: next)!...])
                    if seen.insert(Set(cycle)).inserted { found.append(rotated(cycle)) }
                case nil: visit(next)
                default: break
                }
            }
            path.removeLast()
            state[node] = 2
        }
        for node in nodeIDs where state[node] == nil { visit(node) }
        return found
    }

    private func rotated(_ cycle: [String]) -> [String] {
        let first = cycle.indices.min { nodeIDs.firstIndex(of: cycle[$0])! < nodeIDs.firstIndex(of: cycle[$1])! }!
        return Array(cycle[first...] + cycle[..<first])
    }

    /// Nodes in an order where every node comes after its inputs (Kahn's algorithm, stable in
    /// document order); nil when there is a cycle.
    func topologicalOrder() -> [String]? {
        var remaining = inputs.mapValues(\.count)
        var ready = nodeIDs.filter { remaining[$0] == 0 }
        var order: [String] = []
        while !ready.isEmpty {
            let node = ready.removeFirst()
            order.append(node)
            for next in outputs[node] ?? [] {
                remaining[next]! -= 1
                if remaining[next] == 0 { ready.append(next) }
            }
        }
        return order.count == nodeIDs.count ? order : nil
    }

    /// Every node reachable from `starts` (including them).
    func reachable(from starts: [String]) -> Set<String> {
        var seen = Set(starts)
        var stack = starts
        while let node = stack.popLast() {
            for next in outputs[node] ?? [] where seen.insert(next).inserted { stack.append(next) }
        }
        return seen
    }
}
