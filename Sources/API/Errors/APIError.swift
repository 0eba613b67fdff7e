import HTTPTypes
import Hummingbird

/// An error a route throws to answer with the document's error body `{detail, error_code, timestamp}`.
///
/// The status follows from the ``APIErrorCode``; `headers` carries what some errors need
/// (`Retry-After`, `WWW-Authenticate`, `Allow`).
public struct APIError: HTTPResponseError, Sendable, CustomStringConvertible {
    /// The stable code; it fixes the status.
    public let code: APIErrorCode
    /// A sentence for the person reading the error.
    public let detail: String
    /// Extra response headers.
    public var headers: HTTPFields

    /// An error with `code` and `detail`.
    public init(_ code: APIErrorCode, _ detail: String, headers: HTTPFields = [:]) {
        self.code = code
        self.detail = detail
        self.headers = headers
    }

    /// The HTTP status of the response.
    public var status: HTTPResponse.Status { code.status }

    /// `CODE: detail`, for logs.
    public var description: String { "\(code.rawValue): \(detail)" }

    /// The error response: the document's body, JSON.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONResponse.encode(APIErrorBody(detail: detail, errorCode: code.rawValue), status: status, headers: headers)
    }
}

extension APIError {
    /// 401 for a route that needs credentials, with the `WWW-Authenticate` challenge.
    static func notAuthenticated(_ detail: String = "Not authenticated") -> APIError {
        APIError(.notAuthenticated, detail, headers: [.wwwAuthenticate: "Bearer"])
    }

    /// 422 naming the offending field paths.
    static func validation(_ problems: [FieldProblem]) -> APIError {
        APIError(.validationError, "Validation failed: " + problems.map(\.description).joined(separator: "; "))
    }

    /// 404 for a missing resource of the given kind.
    static func notFound(_ code: APIErrorCode, _ what: String, id: some CustomStringConvertible) -> APIError {
        APIError(code, "\(what) '\(id)' not found")
    }
}

/// One invalid field of a request: its path (`config.nodes[0].id`, `query.page_size`) and what is wrong.
public struct FieldProblem: Sendable, Hashable, CustomStringConvertible {
    /// Dotted path of the field, prefixed by where it was read (`body`, `query`, `path`).
    public var path: String
    /// What is wrong with it.
    public var message: String

    /// A problem with `path`.
    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
