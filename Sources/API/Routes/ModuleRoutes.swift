import Foundation
import Hummingbird

/// `/modules`: the module catalog grouped by node type, and each module's configuration schema.
struct ModuleRoutes {
    let services: APIServices

    func register(on groups: RouteGroups) {
        groups.viewer.get("/modules", use: list)
        groups.viewer.get("/modules/{module_type}/{module_name}/schema", use: schema)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let catalog = services.dependencies.modules
        return try JSONResponse.encode([
            "extractors": await catalog.modules(of: .extractor),
            "transformers": await catalog.modules(of: .transformer),
            "loaders": await catalog.modules(of: .loader),
        ])
    }

    @Sendable func schema(_ request: Request, context: APIRequestContext) async throws -> Response {
        let typeText = context.parameters.get("module_type") ?? ""
        let name = context.parameters.get("module_name") ?? ""
        guard let type = NodeType(rawValue: typeText) else {
            throw APIError(.moduleNotFound, "Unknown module type '\(typeText)': use extractor, transformer or loader")
        }
        guard let schema = await services.dependencies.modules.schema(type: type, name: name) else {
            throw APIError(.moduleNotFound, "No \(type.rawValue) module named '\(name)'")
        }
        return try JSONResponse.encode(schema)
    }
}
