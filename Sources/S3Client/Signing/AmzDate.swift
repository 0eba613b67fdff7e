#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A signing time in the two forms Signature V4 uses: `20130524T000000Z` and `20130524`.
public struct AmzDate: Sendable, Hashable {
    /// `YYYYMMDD'T'HHMMSS'Z'`, UTC.
    public var timestamp: String
    /// `YYYYMMDD`, the credential scope's date.
    public var day: String { String(timestamp.prefix(8)) }

    /// The time `secondsSince1970` (UTC).
    public init(secondsSince1970: Int) {
        var time = time_t(secondsSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        timestamp = "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }

    /// The current time.
    public static func now() -> AmzDate { AmzDate(secondsSince1970: Int(time(nil))) }
}
