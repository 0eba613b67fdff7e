import HTTPTypes
import Hummingbird

/// CORS for browsers on other origins (`api.cors_origins`): answers preflight `OPTIONS`
/// requests and adds `Access-Control-Allow-Origin` (and the exposed API headers) to responses
/// for allowed origins. Hummingbird's `CORSMiddleware` takes its origin list only as variadic
/// arguments, which a configured list cannot be passed as.
struct CORSPolicyMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    /// Allowed origins (`https://app.example.com`); `*` allows any.
    let allowedOrigins: Set<String>

    static let allowedMethods = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
    static let allowedHeaders = "Accept, Authorization, Content-Type, Origin, X-API-Key, X-Request-ID"
    static let exposedHeaders =
        "X-Request-ID, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, "
        + "X-Total-Count, X-Page, X-Page-Size, X-Total-Pages"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], allowedOrigins.contains("*") || allowedOrigins.contains(origin) else {
            return try await next(request, context)
        }
        var response: Response
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = Self.allowedMethods
            response.headers[.accessControlAllowHeaders] = Self.allowedHeaders
            response.headers[.accessControlMaxAge] = "600"
        } else {
            response = try await next(request, context)
            response.headers[.accessControlExposeHeaders] = Self.exposedHeaders
        }
        response.headers[.accessControlAllowOrigin] = allowedOrigins.contains("*") ? "*" : origin
        if !allowedOrigins.contains("*") { response.headers[values: .vary].append("Origin") }
        return response
    }
}
