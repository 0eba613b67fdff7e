/// Conversions between the batch representations of dates and timestamps (days and
/// microseconds since 1970-01-01) and their ISO 8601 text, without Foundation calendars.
///
/// The day arithmetic is Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms.
public enum CivilTime {
    public static let microsecondsPerDay: Int64 = 86_400_000_000

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    public static func days(year: Int, month: Int, day: Int) -> Int32 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// The year, month and day of a day number.
    public static func civil(days: Int32) -> (year: Int, month: Int, day: Int) {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Parses `YYYY-MM-DD`.
    public static func parseDate(_ text: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard text.count == 10 else { return nil }
        let base = text.startIndex
        guard text[base + 4] == UInt8(ascii: "-"), text[base + 7] == UInt8(ascii: "-"),
            let year = number(text, base, 4), let month = number(text, base + 5, 2), let day = number(text, base + 8, 2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return days(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD[T| ]HH:MM[:SS[.ffffff]]` with an optional `Z` or `±HH:MM` offset.
    /// Returns microseconds since the epoch (shifted to UTC when an offset is given) and whether
    /// the text carried a zone.
    public static func parseTimestamp(_ text: UnsafeBufferPointer<UInt8>) -> (micros: Int64, zoned: Bool)? {
        let base = text.startIndex
        guard text.count >= 16, let date = parseDate(UnsafeBufferPointer(rebasing: text[base..<base + 10])),
            text[base + 10] == UInt8(ascii: "T") || text[base + 10] == UInt8(ascii: " "),
            let hour = number(text, base + 11, 2), text[base + 13] == UInt8(ascii: ":"), let minute = number(text, base + 14, 2),
            hour < 24, minute < 60
        else { return nil }
        var index = base + 16
        var second = 0
        var fraction: Int64 = 0
        if index < text.endIndex, text[index] == UInt8(ascii: ":") {
            guard index + 3 <= text.endIndex, let value = number(text, index + 1, 2), value < 61 else { return nil }
            second = value
            index += 3
            if index < text.endIndex, text[index] == UInt8(ascii: ".") {
                index += 1
                var digits = 0
                while index < text.endIndex, text[index] >= 48, text[index] <= 57 {
                    if digits < 6 { fraction = fraction * 10 + Int64(text[index] - 48) }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
                for _ in digits..<max(digits, 6) { fraction *= 10 }
            }
        }
        var micros = Int64(date) * microsecondsPerDay + Int64(hour * 3600 + minute * 60 + second) * 1_000_000 + fraction
        if index == text.endIndex { return (micros, false) }
        if text[index] == UInt8(ascii: "Z"), index + 1 == text.endIndex { return (micros, true) }
        guard text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-"), index + 6 == text.endIndex,
            let offsetHours = number(text, index + 1, 2), text[index + 3] == UInt8(ascii: ":"),
            let offsetMinutes = number(text, index + 4, 2)
        else { return nil }
        let offset = Int64(offsetHours * 3600 + offsetMinutes * 60) * 1_000_000
        micros += text[index] == UInt8(ascii: "+") ? -offset : offset
        return (micros, true)
    }

    /// Appends `YYYY-MM-DD` to `output` without building a string.
    public static func appendDate(_ days: Int32, to output: inout [UInt8]) {
        let (year, month, day) = civil(days: days)
        appendDigits(year, 4, &output)
        output.append(UInt8(ascii: "-"))
        appendDigits(month, 2, &output)
        output.append(UInt8(ascii: "-"))
        appendDigits(day, 2, &output)
    }

    /// Appends the ``formatTimestamp(_:zoned:)`` text to `output` without building a string.
    public static func appendTimestamp(_ micros: Int64, zoned: Bool, to output: inout [UInt8]) {
        let (days, within) = floorDivide(micros, microsecondsPerDay)
        appendDate(Int32(days), to: &output)
        let seconds = Int(within / 1_000_000)
        let fraction = Int(within % 1_000_000)
        output.append(UInt8(ascii: "T"))
        appendDigits(seconds / 3600, 2, &output)
        output.append(UInt8(ascii: ":"))
        appendDigits(seconds / 60 % 60, 2, &output)
        output.append(UInt8(ascii: ":"))
        appendDigits(seconds % 60, 2, &output)
        if fraction != 0 {
            output.append(UInt8(ascii: "."))
            appendDigits(fraction, 6, &output)
        }
        if zoned { output.append(UInt8(ascii: "Z")) }
    }

    private static func appendDigits(_ value: Int, _ width: Int, _ output: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var value = value
        if value >= divisor * 10 {
            output.append(contentsOf: String(value).utf8)
            return
        }
        while divisor > 0 {
            output.append(UInt8(value / divisor) + 48)
            value %= divisor
            divisor /= 10
        }
    }

    /// `YYYY-MM-DD`.
    public static func formatDate(_ days: Int32) -> String {
        let (year, month, day) = civil(days: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.ffffff]`, with `Z` appended when `zoned`.
    public static func formatTimestamp(_ micros: Int64, zoned: Bool) -> String {
        let (days, within) = floorDivide(micros, microsecondsPerDay)
        let seconds = Int(within / 1_000_000)
        let fraction = Int(within % 1_000_000)
        var text = formatDate(Int32(days)) + "T" + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":"
            + pad(seconds % 60, 2)
        if fraction != 0 { text += "." + pad(fraction, 6) }
        return zoned ? text + "Z" : text
    }

    /// Quotient rounded down and the non-negative remainder.
    public static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func number(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<start + count {
            let byte = text[index]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
