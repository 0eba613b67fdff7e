import Hummingbird

/// The stable, upper-snake `error_code` of every error the API returns, with the HTTP status it
/// always comes with. Clients switch on the code; the `detail` text may change between releases.
public enum APIErrorCode: String, Sendable, CaseIterable, Codable {
    /// The body or a parameter is syntactically wrong (malformed JSON, unreadable form).
    case badRequest = "BAD_REQUEST"
    /// The body's JSON is not well formed.
    case malformedJSON = "MALFORMED_JSON"
    /// No credentials were sent to a route that needs them.
    case notAuthenticated = "NOT_AUTHENTICATED"
    /// Credentials were sent but are not valid (bad signature, wrong type, unknown key, `alg: none`…).
    case invalidToken = "INVALID_TOKEN"
    /// The access or refresh token is past its expiry.
    case tokenExpired = "TOKEN_EXPIRED"
    /// A refresh token that had already been used was presented again: its whole family is revoked.
    case refreshTokenReused = "REFRESH_TOKEN_REUSED"
    /// Wrong username or password.
    case invalidCredentials = "INVALID_CREDENTIALS"
    /// Too many failed logins: the account is locked for a while (`Retry-After` says how long).
    case accountLocked = "ACCOUNT_LOCKED"
    /// The account was deactivated by an administrator.
    case accountDisabled = "ACCOUNT_DISABLED"
    /// The caller's role does not allow this operation.
    case forbidden = "FORBIDDEN"
    /// Self-service registration is switched off in the configuration.
    case registrationDisabled = "REGISTRATION_DISABLED"
    /// No route has this path.
    case notFound = "NOT_FOUND"
    case pipelineNotFound = "PIPELINE_NOT_FOUND"
    case executionNotFound = "EXECUTION_NOT_FOUND"
    case connectionNotFound = "CONNECTION_NOT_FOUND"
    case userNotFound = "USER_NOT_FOUND"
    case apiKeyNotFound = "API_KEY_NOT_FOUND"
    case moduleNotFound = "MODULE_NOT_FOUND"
    /// The path exists but not with this method (`Allow` lists the methods it has).
    case methodNotAllowed = "METHOD_NOT_ALLOWED"
    /// Another resource already has this name, username or email.
    case conflict = "CONFLICT"
    /// The pipeline has a pending or running execution.
    case pipelineBusy = "PIPELINE_BUSY"
    /// The pipeline is archived and cannot be executed.
    case pipelineArchived = "PIPELINE_ARCHIVED"
    /// The execution is already finished (success, failed or cancelled).
    case executionFinished = "EXECUTION_FINISHED"
    /// The request body is larger than the configured limit.
    case payloadTooLarge = "PAYLOAD_TOO_LARGE"
    /// The request body's `Content-Type` is not one the route reads.
    case unsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE"
    /// A field is missing, has the wrong type or an invalid value; `detail` names the field paths.
    case validationError = "VALIDATION_ERROR"
    /// The pipeline's `config` is not a valid pipeline document.
    case invalidPipelineConfig = "INVALID_PIPELINE_CONFIG"
    /// The pipeline's `schedule` is not a valid cron expression, or its time zone is unknown.
    case invalidSchedule = "INVALID_SCHEDULE"
    /// The password does not satisfy the password policy.
    case weakPassword = "WEAK_PASSWORD"
    /// Rate limit exceeded (`Retry-After` says when to try again).
    case rateLimited = "RATE_LIMITED"
    /// An unexpected failure; the server log has the details (look for the `X-Request-ID`).
    case internalError = "INTERNAL_ERROR"
    /// The daemon is not ready (starting, or the store is unavailable).
    case notReady = "NOT_READY"

    /// The HTTP status every response with this code has.
    public var status: HTTPResponse.Status {
        switch self {
        case .badRequest, .malformedJSON: .badRequest
        case .notAuthenticated, .invalidToken, .tokenExpired, .refreshTokenReused, .invalidCredentials: .unauthorized
        case .forbidden, .registrationDisabled, .accountDisabled: .forbidden
        case .notFound, .pipelineNotFound, .executionNotFound, .connectionNotFound, .userNotFound, .apiKeyNotFound,
            .moduleNotFound:
            .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .conflict, .pipelineBusy, .pipelineArchived, .executionFinished: .conflict
        case .payloadTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .validationError, .invalidPipelineConfig, .invalidSchedule, .weakPassword: .unprocessableContent
        case .rateLimited, .accountLocked: .tooManyRequests
        case .internalError: .internalServerError
        case .notReady: .serviceUnavailable
        }
    }
}
