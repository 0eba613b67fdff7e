#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPTypes
import Hummingbird

/// Applies ``RateLimiter`` per user (per client IP for anonymous requests) and adds
/// `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` to every response;
/// over the limit it answers 429 with `Retry-After`. Health probes are not counted; with a limit of
/// 0 (which a reload may set or lift) requests pass untouched.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let limiter: RateLimiter
    let errors: ErrorResponder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if !limiter.isEnabled || request.uri.path.hasPrefix("/health") { return try await next(request, context) }
        let key = context.identity.map { "user:\($0.userID)" } ?? "ip:\(context.clientAddress)"
        let now = Int(Date().timeIntervalSince1970)
        let decision = limiter.record(key: key, now: now)
        var response: Response
        if decision.allowed {
            response = try await next(request, context)
        } else {
            let wait = max(1, decision.resetAt - now)
            let error = APIError(
                .rateLimited, "Rate limit of \(decision.limit) requests per minute exceeded; retry in \(wait) s",
                headers: [.retryAfter: String(wait)])
            response = errors.response(for: error, request: request, context: context)
        }
        response.headers[.xRateLimitLimit] = String(decision.limit)
        response.headers[.xRateLimitRemaining] = String(decision.remaining)
        response.headers[.xRateLimitReset] = String(decision.resetAt)
        return response
    }
}

extension HTTPField.Name {
    /// `X-RateLimit-Limit`: requests allowed per minute.
    static let xRateLimitLimit = HTTPField.Name("X-RateLimit-Limit")!
    /// `X-RateLimit-Remaining`: requests left in the current minute.
    static let xRateLimitRemaining = HTTPField.Name("X-RateLimit-Remaining")!
    /// `X-RateLimit-Reset`: Unix time when the current window ends.
    static let xRateLimitReset = HTTPField.Name("X-RateLimit-Reset")!
}
