import Foundation

/// The body of every error response, as the API document fixes it:
/// `{"detail": "...", "error_code": "INVALID_PIPELINE_CONFIG", "timestamp": "2025-01-20T10:30:00Z"}`.
public struct APIErrorBody: Codable, Sendable, Equatable {
    public var detail: String
    public var errorCode: String
    public var timestamp: String

    public init(detail: String, errorCode: String, timestamp: Date = Date()) {
        self.detail = detail
        self.errorCode = errorCode
        self.timestamp = timestamp.formatted(.iso8601)
    }

    enum CodingKeys: String, CodingKey {
        case detail
        case errorCode = "error_code"
        case timestamp
    }
}
