/// One problem of a connection's config: where (`config.port`) and what.
public struct ConnectionConfigProblem: Sendable, Hashable, CustomStringConvertible {
    /// Path inside the connection, starting with `config`.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// A kind of connection (`postgres`, `s3`, `http`, `file`): the JSON Schema its config must
/// match, plus the rules a schema cannot say (one of two keys required). The API and
/// `etl-builder connection create` check configs with it; its connector reads them.
public struct ConnectionType: Sendable {
    /// The `type` of connections of this kind.
    public var name: String
    /// The JSON Schema of `config`; properties whose names mark secrets (`password`,
    /// `secret_access_key`, `token`…) are stored encrypted and never returned.
    public var schema: JSONValue
    /// Rules beyond the schema, run when the schema found nothing.
    public var rules: @Sendable ([String: JSONValue]) -> [ConnectionConfigProblem]

    public init(
        name: String, schema: JSONValue, rules: @escaping @Sendable ([String: JSONValue]) -> [ConnectionConfigProblem] = { _ in [] }
    ) {
        self.name = name
        self.schema = schema
        self.rules = rules
    }

    /// Every problem of `config`: the schema's, then (if none) the rules'.
    public func problems(in config: [String: JSONValue]) -> [ConnectionConfigProblem] {
        let issues = JSONSchemaChecker(nodeID: nil).check(.object(config), against: schema, path: "config")
        guard issues.isEmpty else {
            return issues.map { ConnectionConfigProblem(path: $0.path, message: $0.message) }
        }
        return rules(config)
    }
}

/// The connection types this build knows, by name.
public struct ConnectionTypeCatalog: Sendable {
    private var types: [String: ConnectionType] = [:]

    public init(_ types: [ConnectionType] = []) {
        for type in types { self.types[type.name] = type }
    }

    /// The type called `name`, or nil.
    public func type(named name: String) -> ConnectionType? { types[name] }

    /// Every type name, sorted.
    public var names: [String] { types.keys.sorted() }

    /// Whether any type is known (an empty catalog accepts every type and config).
    public var isEmpty: Bool { types.isEmpty }

    /// The problems of a connection of `type` with `config`; an unknown type is one problem.
    public func problems(type: String, config: [String: JSONValue]) -> [ConnectionConfigProblem] {
        guard !isEmpty else { return [] }
        guard let known = types[type] else {
            return [ConnectionConfigProblem(path: "type", message: "unknown connection type \"\(type)\"; known: \(names.joined(separator: ", "))")]
        }
        return known.problems(in: config)
    }
}
