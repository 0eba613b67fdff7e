/// How many inputs a node of a module takes.
public enum InputArity: Sendable, Hashable, CustomStringConvertible {
    case exactly(Int)
    case atLeast(Int)

    public func accepts(_ count: Int) -> Bool {
        switch self {
        case .exactly(let expected): count == expected
        case .atLeast(let minimum): count >= minimum
        }
    }

    public var description: String {
        switch self {
        case .exactly(let expected): "exactly \(expected)"
        case .atLeast(let minimum): "at least \(minimum)"
        }
    }
}

/// What a module tells the world about itself: the `/modules` listing, the schema route and
/// the validator read it.
public struct ModuleDescriptor: Sendable {
    public var kind: NodeKind
    public var name: String
    public var displayName: String
    public var description: String
    /// An icon name for the editor (`database`, `broom`…).
    public var icon: String
    /// A CSS colour (`#10B981`).
    public var color: String
    /// The JSON Schema of the node config; property `default`s are the module's defaults.
    public var schema: JSONValue
    public var inputs: InputArity
    /// Config keys (at any depth) whose strings are code — SQL or expressions: they are never
    /// template-expanded, and `:name` in them is a bound parameter.
    public var codeKeys: Set<String>
    /// The connection types a `connection_id` of this module may name; empty when the module
    /// takes no connection.
    public var connectionTypes: [String]

    public init(
        kind: NodeKind, name: String, displayName: String, description: String, icon: String, color: String,
        schema: JSONValue, inputs: InputArity? = nil, codeKeys: Set<String> = ["expression"], connectionTypes: [String] = []
    ) {
        self.kind = kind
        self.name = name
        self.displayName = displayName
        self.description = description
        self.icon = icon
        self.color = color
        self.schema = schema
        self.inputs = inputs ?? (kind == .extractor ? .exactly(0) : .exactly(1))
        self.codeKeys = codeKeys
        self.connectionTypes = connectionTypes
    }

    /// The defaults of the config: each top-level property's `default`.
    public var defaults: [String: JSONValue] {
        (schema["properties"]?.objectValue ?? [:]).compactMapValues { $0["default"] }
    }

    /// The `/modules` listing entry: name, display_name, description, icon, color.
    public var summaryJSON: JSONValue {
        .object([
            "name": .string(name), "display_name": .string(displayName), "description": .string(description),
            "icon": .string(icon), "color": .string(color),
        ])
    }

    /// The schema route's body: `{schema, defaults}`.
    public var schemaJSON: JSONValue { .object(["schema": schema, "defaults": .object(defaults)]) }
}
