import Pipelines

/// How a module presents itself in `GET /modules`.
public struct ModuleDescriptor: Sendable, Hashable, Codable {
    /// The module's name, as a node's `module` (`postgres`, `cleaner`, `s3`).
    public var name: String
    /// Title for the editor's palette.
    public var displayName: String
    /// One sentence.
    public var description: String
    /// Icon name of the web UI's icon set.
    public var icon: String
    /// CSS color, e.g. `#336791`.
    public var color: String

    /// A descriptor.
    public init(name: String, displayName: String, description: String, icon: String, color: String) {
        self.name = name
        self.displayName = displayName
        self.description = description
        self.icon = icon
        self.color = color
    }

    enum CodingKeys: String, CodingKey {
        case name, description, icon, color
        case displayName = "display_name"
    }
}

/// A module's configuration schema (JSON Schema) and default settings.
public struct ModuleSchema: Sendable, Hashable, Codable {
    /// JSON Schema of the node's `config`.
    public var schema: JSONValue
    /// Settings a new node starts with.
    public var defaults: JSONValue

    /// A schema.
    public init(schema: JSONValue, defaults: JSONValue) {
        self.schema = schema
        self.defaults = defaults
    }
}

/// The modules the pipeline engine can run. The module registry (issue 5) implements it.
public protocol ModuleCatalog: Sendable {
    /// Every module of `type`, in display order.
    func modules(of type: NodeType) async -> [ModuleDescriptor]
    /// The schema of module `name` of `type`, or nil when there is no such module.
    func schema(type: NodeType, name: String) async -> ModuleSchema?
}

/// A catalog given as a list; empty by default (then `GET /modules` truthfully lists nothing).
public struct StaticModuleCatalog: ModuleCatalog {
    /// One module of the catalog.
    public struct Entry: Sendable, Hashable {
        /// Its node type.
        public var type: NodeType
        /// Its descriptor.
        public var descriptor: ModuleDescriptor
        /// Its schema and defaults.
        public var schema: ModuleSchema

        /// An entry.
        public init(type: NodeType, descriptor: ModuleDescriptor, schema: ModuleSchema) {
            self.type = type
            self.descriptor = descriptor
            self.schema = schema
        }
    }

    /// The modules, in display order.
    public var entries: [Entry]

    /// A catalog of `entries`.
    public init(entries: [Entry] = []) { self.entries = entries }

    /// The entries of `type`, in order.
    public func modules(of type: NodeType) async -> [ModuleDescriptor] {
        entries.filter { $0.type == type }.map(\.descriptor)
    }

    /// The schema of the first entry of `type` named `name`.
    public func schema(type: NodeType, name: String) async -> ModuleSchema? {
        entries.first { $0.type == type && $0.descriptor.name == name }?.schema
    }
}
