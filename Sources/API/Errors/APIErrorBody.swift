#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The body of every error response, as the API document fixes it:
/// `{"detail": "...", "error_code": "INVALID_PIPELINE_CONFIG", "timestamp": "2025-01-20T10:30:00Z"}`.
public struct APIErrorBody: Codable, Sendable, Equatable {
    /// What went wrong, for a person.
    public var detail: String
    /// The stable ``APIErrorCode`` raw value.
    public var errorCode: String
    /// When the error happened (ISO 8601, UTC, seconds).
    public var timestamp: String

    /// A body stamped `timestamp`.
    public init(detail: String, errorCode: String, timestamp: Date = Date()) {
        self.detail = detail
        self.errorCode = errorCode
        self.timestamp = APITimestamp.string(timestamp)
    }

    enum CodingKeys: String, CodingKey {
        case detail
        case errorCode = "error_code"
        case timestamp
    }
}
