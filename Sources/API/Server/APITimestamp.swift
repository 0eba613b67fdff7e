#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The API's spelling of instants: ISO 8601 in UTC to the second, `2025-01-20T10:30:00Z`.
enum APITimestamp {
    static func string(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
