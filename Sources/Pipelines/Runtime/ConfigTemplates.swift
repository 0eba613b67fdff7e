/// Expands `${…}` templates in the strings of a node config, except under code keys (SQL and
/// expressions), where text substitution would be injection.
enum ConfigTemplates {
    static func expand(_ config: ModuleConfig, codeKeys: Set<String>, scope: ParameterScope) throws(TemplateError) -> ModuleConfig {
        var expanded = config
        for (key, value) in config.values where !codeKeys.contains(key) {
            expanded.values[key] = try expand(value, codeKeys: codeKeys, scope: scope)
        }
        return expanded
    }

    private static func expand(_ value: JSONValue, codeKeys: Set<String>, scope: ParameterScope) throws(TemplateError) -> JSONValue {
        switch value {
        case .string(let text): return .string(try TemplateString.expand(text, scope: scope))
        case .array(let items):
            var result: [JSONValue] = []
            for item in items { result.append(try expand(item, codeKeys: codeKeys, scope: scope)) }
            return .array(result)
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                result[key] = codeKeys.contains(key) ? member : try expand(member, codeKeys: codeKeys, scope: scope)
            }
            return .object(result)
        default: return value
        }
    }
}
