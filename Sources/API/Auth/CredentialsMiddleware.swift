import HTTPTypes
import Hummingbird
import Logging

/// Reads the credential of a request — `X-API-Key`, or `Authorization: Bearer` with a JWT access
/// token or an API key — and records on the context either the ``Principal`` or why the
/// credential was refused. It never rejects a request itself: public routes ignore a bad
/// credential, protected ones answer with the recorded error (see ``RoleRequirement``).
struct CredentialsMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let authenticator: Authenticator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let credential = Self.credential(in: request.headers) else {
            return try await next(request, context)
        }
        var context = context
        do {
            let principal = try await authenticator.authenticate(credential)
            context.identity = principal
            context.logger[metadataKey: "user"] = .string(principal.username)
        } catch let error as APIError {
            context.credentialsError = error
        }
        return try await next(request, context)
    }

    /// The credential of a request, if any.
    static func credential(in headers: HTTPFields) -> String? {
        if let key = headers[.xAPIKey], !key.isEmpty { return key }
        guard let authorization = headers[.authorization] else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1].drop(while: \.isWhitespace))
    }
}

extension HTTPField.Name {
    /// `X-API-Key`: an API key, for clients that cannot set `Authorization`.
    static let xAPIKey = HTTPField.Name("X-API-Key")!
}
