import Hummingbird
import Store

/// Lets a request through only when its caller is authenticated with at least `minimum` role:
/// 401 without (or with a refused) credential, 403 with too small a role.
struct RoleRequirement: RouterMiddleware {
    typealias Context = APIRequestContext

    /// The least role allowed.
    let minimum: UserRole

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard principal.has(atLeast: minimum) else {
            throw APIError(.forbidden, "This operation needs the \(minimum.rawValue) role; '\(principal.username)' is \(principal.role.rawValue)")
        }
        return try await next(request, context)
    }
}
