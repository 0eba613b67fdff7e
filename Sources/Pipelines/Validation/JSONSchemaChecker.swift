/// Checks a node config against its module's JSON Schema, or a connection config against its
/// type's. Supports the subset they use: `type` (one or a list), `properties`, `required`,
/// `additionalProperties` (false or a schema), `enum`, `items`, `minimum`, `maximum`, `minItems`.
struct JSONSchemaChecker {
    /// The node checked; nil for a connection config.
    var nodeID: String?

    func check(_ value: JSONValue, against schema: JSONValue, path: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func report(_ code: ValidationCode, _ path: String, _ message: String) {
            issues.append(ValidationIssue(code, nodeID: nodeID, path: path, message: nodeID.map { "Node '\($0)': \(message)" } ?? message))
        }
        if let types = allowedTypes(schema), !types.contains(where: { matches(value, type: $0) }) {
            report(.configWrongType, path, "\(Self.field(path)) must be \(types.joined(separator: " or ")), not \(value.typeName)")
            return issues
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            let listed = options.map { $0.stringValue ?? $0.canonicalText }.joined(separator: ", ")
            report(.configNotInEnum, path, "\(Self.field(path)) must be one of \(listed), not \(value.canonicalText)")
        }
        if let number = number(value) {
            if let minimum = schema["minimum"].flatMap(self.number), number < minimum {
                report(.configOutOfRange, path, "\(Self.field(path)) must be at least \(Value.format(minimum))")
            }
            if let maximum = schema["maximum"].flatMap(self.number), number > maximum {
                report(.configOutOfRange, path, "\(Self.field(path)) must be at most \(Value.format(maximum))")
            }
        }
        switch value {
        case .object(let members):
            let properties = schema["properties"]?.objectValue ?? [:]
            for required in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[required] == nil {
                report(.configMissingRequired, path + "." + required, "\(required) is required")
            }
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] {
                    issues += check(member, against: property, path: path + "." + key)
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        report(.configUnknownKey, path + "." + key, "unknown key \(key)")
                    } else if case .object = additional {
                        issues += check(member, against: additional, path: path + "." + key)
                    }
                }
            }
        case .array(let elements):
            if let minimum = schema["minItems"].flatMap(number), Double(elements.count) < minimum {
                report(.configOutOfRange, path, "\(Self.field(path)) needs at least \(Int(minimum)) item(s)")
            }
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() {
                    issues += check(element, against: items, path: "\(path)[\(index)]")
                }
            }
        default: break
        }
        return issues
    }

    private func allowedTypes(_ schema: JSONValue) -> [String]? {
        switch schema["type"] {
        case .string(let type): [type]
        case .array(let types): types.compactMap(\.stringValue)
        default: nil
        }
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .double),
            ("string", .string), ("array", .array), ("object", .object):
            true
        case ("integer", .double(let number)): number == number.rounded()
        default: false
        }
    }

    private func number(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    /// The last component of a path, for messages.
    static func field(_ path: String) -> String {
        let tail = path.split(separator: ".").last.map(String.init) ?? path
        return tail == "$" ? "the config" : tail
    }
}
