import Foundation
import Hummingbird
import Store

/// `/auth/api-keys`: every user manages their own keys. A key is shown once, when created; the
/// store keeps its SHA-256 hash. It authenticates as its owner, with the owner's current role.
struct APIKeyRoutes {
    let services: APIServices

    func register(on groups: RouteGroups) {
        groups.viewer.post("/auth/api-keys", use: create)
        groups.viewer.get("/auth/api-keys", use: list)
        groups.viewer.delete("/auth/api-keys/{key_id}", use: delete)
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await request.decodeBody(APIKeyCreateRequest.self, context: context)
        var problems: [FieldProblem] = []
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.name.isBlank || body.name.count > 100 { problems.append(FieldProblem("body.name", "1 to 100 characters")) }
        if let days = body.expiresInDays, !(1...3650).contains(days) {
            problems.append(FieldProblem("body.expires_in_days", "must be between 1 and 3650"))
        }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        let key = APIKeyFormat.generate()
        let record = try await services.store.createAPIKey(
            NewAPIKey(
                userID: principal.userID, name: name, prefix: String(key.prefix(APIKeyFormat.displayedLength)),
                keyHash: TokenHash.sha256Hex(key),
                expiresAt: body.expiresInDays.map { Date().addingTimeInterval(TimeInterval($0) * 86_400) }))
        try? await services.store.appendAuditEvent(
            AuditEventRecord(
                at: Date(), userID: principal.userID, action: "auth.api_key_create", targetType: "api_key",
                targetID: record.id.apiString))
        return try JSONResponse.encode(APIKeyPayload(record: record, key: key), status: .created)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let keys = try await services.store.apiKeys(userID: principal.userID)
        return try JSONResponse.encode(APIKeyListPayload(apiKeys: keys.map { APIKeyPayload(record: $0) }))
    }

    @Sendable func delete(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try request.uuidParameter("key_id", context: context, notFound: .apiKeyNotFound, what: "API key")
        guard try await services.store.apiKeys(userID: principal.userID).contains(where: { $0.id == id }) else {
            throw APIError.notFound(.apiKeyNotFound, "API key", id: id.apiString)
        }
        _ = try await services.store.revokeAPIKey(id: id)
        try? await services.store.appendAuditEvent(
            AuditEventRecord(
                at: Date(), userID: principal.userID, action: "auth.api_key_revoke", targetType: "api_key",
                targetID: id.apiString))
        return Response(status: .noContent)
    }
}
