import Hummingbird

/// The innermost middleware: turns what routes throw (and the router's 404) into responses with
/// the document's error body, so the middlewares outside it — rate limit, compression — see and
/// decorate error responses like any other.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let errors: ErrorResponder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return errors.response(for: error, request: request, context: context)
        }
    }
}
