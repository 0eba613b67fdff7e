#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one textual form of an instant in the store: ISO-8601 UTC with microseconds,
/// fixed width, e.g. `2025-01-20T02:00:05.000000Z`.
///
/// Fixed width makes string order equal time order (indexes and `ORDER BY` work on the
/// text), SQLite's date functions read it, and PostgreSQL `timestamptz` has the same
/// microsecond precision. Every date the store writes goes through ``normalize(_:)`` first,
/// so the `Date` a method returns equals the one read back later.
enum Timestamp {
    /// `date` rounded to the nearest microsecond (the stored precision).
    static func normalize(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(micros(date)) / 1_000_000)
    }

    static func micros(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// `2025-01-20T02:00:05.123456Z`
    static func format(_ date: Date) -> String {
        let total = micros(date)
        let (days, microOfDay) = floorDivMod(total, 86_400_000_000)
        let (y, m, d) = civil(fromDays: days)
        let secondsOfDay = microOfDay / 1_000_000
        let fraction = microOfDay % 1_000_000
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T"
            + pad(secondsOfDay / 3600, 2) + ":" + pad(secondsOfDay / 60 % 60, 2) + ":" + pad(secondsOfDay % 60, 2)
            + "." + pad(fraction, 6) + "Z"
    }

    /// Parses what ``format(_:)`` writes; also accepts no or fewer fraction digits, a space
    /// instead of `T`, and a missing `Z` (SQLite's `CURRENT_TIMESTAMP` form).
    static func parse(_ text: String) -> Date? {
        let u = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= u.count else { return nil }
            var v: Int64 = 0
            for i in from..<(from + count) {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                v = v * 10 + Int64(u[i] - 48)
            }
            return v
        }
        guard u.count >= 19, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
            u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " "),
            u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"),
            let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
            let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2),
            (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        var i = 19
        var fraction: Int64 = 0
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            var digits = 0
            while i < u.count, u[i] >= 48, u[i] <= 57 {
                if digits < 6 { fraction = fraction * 10 + Int64(u[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 6)..<6 { fraction *= 10 }
        }
        if i < u.count, u[i] == UInt8(ascii: "Z") { i += 1 }
        guard i == u.count else { return nil }
        let days = days(fromCivil: y, mo, d)
        let micros = ((days * 86_400 + h * 3600 + mi * 60 + s) * 1_000_000) + fraction
        return Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    private static func floorDivMod(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
    private static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
