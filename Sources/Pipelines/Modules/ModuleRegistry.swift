/// The modules a pipeline may use, by kind and name. `GET /modules` lists it, the schema route
/// and the validator look modules up in it, the engine builds nodes from it.
public struct ModuleRegistry: Sendable {
    private var modules: [NodeKind: [String: any PipelineModule]] = [:]

    public init(_ modules: [any PipelineModule] = []) {
        for module in modules { register(module) }
    }

    /// Adds `module`, replacing one of the same kind and name.
    public mutating func register(_ module: any PipelineModule) {
        modules[module.descriptor.kind, default: [:]][module.descriptor.name] = module
    }

    public func module(kind: NodeKind, name: String) -> (any PipelineModule)? { modules[kind]?[name] }

    /// The kinds under which a module called `name` exists.
    public func kinds(named name: String) -> [NodeKind] { NodeKind.allCases.filter { modules[$0]?[name] != nil } }

    /// The descriptors of one kind, sorted by name.
    public func descriptors(of kind: NodeKind) -> [ModuleDescriptor] {
        (modules[kind] ?? [:]).values.map(\.descriptor).sorted { $0.name < $1.name }
    }

    /// The `GET /modules` body: `{extractors: […], transformers: […], loaders: […]}`.
    public var listingJSON: JSONValue {
        .object(
            Dictionary(uniqueKeysWithValues: NodeKind.allCases.map { kind in
                (kind.plural, JSONValue.array(descriptors(of: kind).map(\.summaryJSON)))
            }))
    }
}
