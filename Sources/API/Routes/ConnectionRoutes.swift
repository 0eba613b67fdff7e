import Foundation
import Hummingbird
import Pipelines
import Store

/// `/connections`: CRUD and test. Secret fields (see ``SecretFields``) are write-only: stored
/// encrypted, returned masked, kept when an update omits them.
struct ConnectionRoutes {
    let services: APIServices

    func register(on groups: RouteGroups) {
        groups.viewer.get("/connections", use: list)
        groups.developer.post("/connections", use: create)
        groups.viewer.get("/connections/{connection_id}", use: get)
        groups.developer.put("/connections/{connection_id}", use: update)
        groups.developer.delete("/connections/{connection_id}", use: delete)
        groups.developer.post("/connections/{connection_id}/test", use: test)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let page = try await services.store.listConnections(page: try PageQuery.standard.request(from: request))
        let items = page.items.map(ConnectionPayload.init)
        return try JSONResponse.encode(
            ListEnvelope(
                itemsKey: "connections",
                page: Page(items: items, total: page.total, page: page.page, pageSize: page.pageSize), fields: .full),
            headers: PaginationHeaders.fields(for: page))
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await request.decodeBody(ConnectionCreateRequest.self, context: context)
        var problems = Self.problems(name: body.name, type: body.type)
        if problems.isEmpty { problems = configProblems(type: body.type, config: body.config ?? [:]) }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        let (config, secrets) = SecretFields.split(body.config ?? [:])
        let record = try await services.store.createConnection(
            NewConnection(
                name: body.name.trimmingCharacters(in: .whitespaces), type: body.type, description: body.description,
                config: config, secrets: secrets, createdBy: principal.userID))
        return try JSONResponse.encode(ConnectionPayload(record: record), status: .created)
    }

    @Sendable func get(_ request: Request, context: APIRequestContext) async throws -> Response {
        try JSONResponse.encode(ConnectionPayload(record: try await connection(request, context)))
    }

    @Sendable func update(_ request: Request, context: APIRequestContext) async throws -> Response {
        let current = try await connection(request, context)
        let body = try await request.decodeBody(ConnectionUpdateRequest.self, context: context)
        var problems = Self.problems(name: body.name ?? current.name, type: body.type ?? current.type)
        if problems.isEmpty, body.type != nil || body.config != nil {
            problems = configProblems(type: body.type ?? current.type, config: Self.effectiveConfig(current, update: body.config))
        }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        var update = ConnectionUpdate(
            name: body.name?.trimmingCharacters(in: .whitespaces), type: body.type, description: body.description,
            status: body.status)
        if let config = body.config {
            let merged = SecretFields.merge(config)
            update.config = merged.config
            update.secrets = merged.set
            update.removeSecrets = merged.remove
        }
        let record = try await services.store.updateConnection(id: current.id, update)
        return try JSONResponse.encode(ConnectionPayload(record: record))
    }

    @Sendable func delete(_ request: Request, context: APIRequestContext) async throws -> Response {
        let record = try await connection(request, context)
        try await services.store.deleteConnection(id: record.id)
        return Response(status: .noContent)
    }

    @Sendable func test(_ request: Request, context: APIRequestContext) async throws -> Response {
        let record = try await connection(request, context)
        let result = await services.dependencies.connectionTester.test(record)
        switch result.status {
        case .success: _ = try await services.store.setConnectionTestResult(id: record.id, status: .active, message: result.message)
        case .failed: _ = try await services.store.setConnectionTestResult(id: record.id, status: .error, message: result.message)
        case .unsupported: break
        }
        return try JSONResponse.encode(ConnectionTestPayload(result: result))
    }

    private func connection(_ request: Request, _ context: APIRequestContext) async throws -> ConnectionRecord {
        let id = try request.uuidParameter("connection_id", context: context, notFound: .connectionNotFound, what: "Connection")
        guard let record = try await services.store.connection(id: id) else {
            throw APIError.notFound(.connectionNotFound, "Connection", id: id.apiString)
        }
        return record
    }

    /// The problems of `config` for connections of `type`, as the type's schema and rules see them.
    private func configProblems(type: String, config: [String: JSONValue]) -> [FieldProblem] {
        services.dependencies.connectionTypes.problems(type: type, config: config).map {
            FieldProblem("body." + $0.path, $0.message)
        }
    }

    /// The config an update leaves: the new plain fields, with the stored secrets it keeps (absent
    /// or sent back masked) standing in as the mask.
    private static func effectiveConfig(_ current: ConnectionRecord, update: [String: JSONValue]?) -> [String: JSONValue] {
        var config = update ?? (try? JSONValue(parsing: current.config))?.objectValue ?? [:]
        for name in current.secrets.keys where config[name] == nil { config[name] = .string(SecretFields.mask) }
        return config.filter { $0.value != .null }
    }

    private static func problems(name: String, type: String) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.isBlank || name.count > 200 {
            problems.append(FieldProblem("body.name", "1 to 200 characters, not only white space"))
        }
        let typeIsValid =
            (1...64).contains(type.count)
            && type.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isLowercase || ("0"..."9").contains($0) || $0 == "_") }
        if !typeIsValid { problems.append(FieldProblem("body.type", "1 to 64 lowercase letters, digits or '_'")) }
        return problems
    }
}
