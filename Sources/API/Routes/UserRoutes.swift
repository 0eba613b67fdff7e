import Foundation
import Hummingbird
import Store

/// `/users` (admin): list accounts, change a role, activate or deactivate. Deactivating revokes
/// the user's refresh tokens; an admin cannot demote or deactivate themself (so an instance
/// always keeps the admin who is making changes).
struct UserRoutes {
    let services: APIServices

    func register(on groups: RouteGroups) {
        groups.admin.get("/users", use: list)
        groups.admin.patch("/users/{user_id}", use: update)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let page = try await services.store.listUsers(page: try PageQuery.standard.request(from: request))
        let payload = Page(items: page.items.map(UserPayload.init), total: page.total, page: page.page, pageSize: page.pageSize)
        return try JSONResponse.encode(
            ListEnvelope(itemsKey: "users", page: payload, fields: .full), headers: PaginationHeaders.fields(for: page))
    }

    @Sendable func update(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try request.uuidParameter("user_id", context: context, notFound: .userNotFound, what: "User")
        let body = try await request.decodeBody(UserUpdateRequest.self, context: context)
        guard try await services.store.user(id: id) != nil else { throw APIError.notFound(.userNotFound, "User", id: id.apiString) }
        if id == principal.userID, body.role.map({ $0 != .admin }) ?? false || body.isActive == false {
            throw APIError(.validationError, "body: an administrator cannot demote or deactivate their own account")
        }
        if let email = body.email, !AuthRoutes.isPlausibleEmail(email) {
            throw APIError.validation([FieldProblem("body.email", "not a valid email address")])
        }
        let user = try await services.store.updateUser(
            id: id, UserUpdate(email: body.email, fullName: body.fullName, role: body.role, isActive: body.isActive))
        services.authenticator.userChanged(id)
        if body.isActive == false { try await services.store.revokeAllRefreshTokens(userID: id) }
        try? await services.store.appendAuditEvent(
            AuditEventRecord(
                at: Date(), userID: principal.userID, action: "user.update", targetType: "user", targetID: id.apiString,
                details: AuditDetails.json([
                    "role": body.role?.rawValue, "is_active": body.isActive.map { String($0) },
                ])))
        return try JSONResponse.encode(UserPayload(user: user))
    }
}
