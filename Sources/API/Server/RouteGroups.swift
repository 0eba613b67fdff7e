import Hummingbird
import Store

/// The API's router groups, one per access level: routes are added to the group of the least role
/// that may call them, so the role check is part of the route's middleware chain.
struct RouteGroups {
    /// No credentials needed (login, register, refresh).
    let anyone: RouterGroup<APIRequestContext>
    /// Any authenticated user.
    let viewer: RouterGroup<APIRequestContext>
    /// Developers and admins.
    let developer: RouterGroup<APIRequestContext>
    /// Admins only.
    let admin: RouterGroup<APIRequestContext>

    /// The groups under `base`.
    init(base: RouterGroup<APIRequestContext>) {
        anyone = base
        viewer = base.group().add(middleware: RoleRequirement(minimum: .viewer))
        developer = base.group().add(middleware: RoleRequirement(minimum: .developer))
        admin = base.group().add(middleware: RoleRequirement(minimum: .admin))
    }
}
