/// Finds parameter references in a node config that nothing gives a value: `:name` in code
/// keys (SQL, expressions) and `${params.name}` in the other strings; malformed `${…}` too.
struct ParameterCheck {
    var node: NodeDefinition
    var codeKeys: Set<String>
    var known: Set<String>

    func issues() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func walk(_ value: JSONValue, path: String, isCode: Bool) {
            switch value {
            case .string(let text):
                if isCode {
                    for name in BindParameters.names(in: text) where !known.contains(name) {
                        issues.append(missing(name, path: path, syntax: ":\(name)"))
                    }
                    return
                }
                do {
                    for case .parameter(let name) in try TemplateString.references(in: text) where !known.contains(name) {
                        issues.append(missing(name, path: path, syntax: "${params.\(name)}"))
                    }
                } catch {
                    issues.append(ValidationIssue(.invalidTemplate, nodeID: node.id, path: path, message: "Node '\(node.id)': \(error.description)"))
                }
            case .array(let items):
                for (index, item) in items.enumerated() { walk(item, path: "\(path)[\(index)]", isCode: isCode) }
            case .object(let members):
                for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                    walk(member, path: path + "." + key, isCode: isCode || codeKeys.contains(key))
                }
            default: break
            }
        }
        walk(.object(node.config), path: node.path + ".config", isCode: false)
        return issues
    }

    private func missing(_ name: String, path: String, syntax: String) -> ValidationIssue {
        ValidationIssue(.missingParameter, nodeID: node.id, path: path, message: "Node '\(node.id)': parameter \(syntax) has no value and no default")
    }
}
