import Foundation
import Hummingbird

/// An error a route throws to answer with a status and the document's error body.
public struct APIError: HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let errorCode: String
    public let detail: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.errorCode = code
        self.detail = detail
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONResponse.encode(APIErrorBody(detail: detail, errorCode: errorCode), status: status, headers: headers)
    }
}
