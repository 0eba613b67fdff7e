import API
import Pipelines

/// `GET /modules` and `GET /modules/{type}/{name}/schema`, read from the engine's module registry.
struct RegistryModuleCatalog: ModuleCatalog {
    let registry: ModuleRegistry

    func modules(of type: NodeType) async -> [API.ModuleDescriptor] {
        guard let kind = NodeKind(rawValue: type.rawValue) else { return [] }
        return registry.descriptors(of: kind).map {
            API.ModuleDescriptor(name: $0.name, displayName: $0.displayName, description: $0.description, icon: $0.icon, color: $0.color)
        }
    }

    func schema(type: NodeType, name: String) async -> ModuleSchema? {
        guard let kind = NodeKind(rawValue: type.rawValue), let module = registry.module(kind: kind, name: name) else { return nil }
        return ModuleSchema(schema: module.descriptor.schema, defaults: .object(module.descriptor.defaults))
    }
}
