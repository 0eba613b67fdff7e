import HTTPTypes
import Hummingbird
import Logging
import Store

/// Turns any error a route or middleware throws into a response with the document's error body,
/// so that no error — unknown route, wrong method, oversized body, store failure, bug — leaves
/// the server in another shape.
struct ErrorResponder: Sendable {
    /// The paths and methods of the router, to tell 405 from 404.
    let routes: RouteIndex.Reference

    /// The response for `error`; unexpected errors are logged (with the request id) and become 500.
    func response(for error: any Error, request: Request, context: some RequestContext) -> Response {
        let apiError = self.apiError(for: error, request: request, logger: context.logger)
        do {
            return try apiError.response(from: request, context: context)
        } catch {
            return Response(status: .internalServerError)
        }
    }

    /// The ``APIError`` that stands for `error`.
    func apiError(for error: any Error, request: Request, logger: Logger) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as StoreError:
            return Self.apiError(for: error, logger: logger)
        case let error as DecodingError:
            return APIRequestDecoder.apiError(for: error, wasForm: false)
        case let error as HTTPError:
            return apiError(status: error.status, message: error.body, request: request)
        case let error as any HTTPResponseError:
            return apiError(status: error.status, message: nil, request: request)
        default:
            logger.error("Unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return APIError(.internalError, "Internal server error")
        }
    }

    /// The API error for Hummingbird's and NIO's own errors, by status.
    private func apiError(status: HTTPResponse.Status, message: String?, request: Request) -> APIError {
        switch status {
        case .notFound:
            let allowed = routes.value.methods(matching: request.uri.path)
            if !allowed.isEmpty, !allowed.contains(request.method) {
                let allow = allowed.map(\.rawValue).sorted().joined(separator: ", ")
                return APIError(
                    .methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.uri.path); allowed: \(allow)",
                    headers: [.allow: allow])
            }
            return APIError(.notFound, "No route for \(request.method.rawValue) \(request.uri.path)")
        case .contentTooLarge:
            return APIError(.payloadTooLarge, "The request body is too large")
        case .unauthorized:
            return .notAuthenticated()
        case .forbidden:
            return APIError(.forbidden, message ?? "Forbidden")
        case .methodNotAllowed:
            return APIError(.methodNotAllowed, message ?? "Method not allowed")
        case .unsupportedMediaType:
            return APIError(.unsupportedMediaType, message ?? "Unsupported media type")
        default:
            return status.code >= 500
                ? APIError(.internalError, message ?? status.reasonPhrase)
                : APIError(.badRequest, message ?? status.reasonPhrase)
        }
    }

    /// The ``APIError`` for a store failure.
    static func apiError(for error: StoreError, logger: Logger) -> APIError {
        switch error {
        case .notFound(let entity, _):
            let code: APIErrorCode =
                switch entity {
                case "pipeline": .pipelineNotFound
                case "execution": .executionNotFound
                case "connection": .connectionNotFound
                case "user": .userNotFound
                case "api key": .apiKeyNotFound
                default: .notFound
                }
            return APIError(code, error.message)
        case .conflict:
            return APIError(.conflict, error.message)
        case .invalidState(let entity, _):
            let code: APIErrorCode =
                switch entity {
                case "pipeline": .pipelineBusy
                case "execution": .executionFinished
                default: .conflict
                }
            return APIError(code, error.message)
        case .invalidArgument:
            return APIError(.validationError, error.message)
        case .closed:
            return APIError(.notReady, error.message)
        case .cancelled, .migrationTampered, .migrationFailed, .migrationUnknown, .secretUnreadable, .database:
            logger.error("Store failure", metadata: ["error": "\(error)"])
            return APIError(.internalError, "Internal server error (\(error.code))")
        }
    }
}
