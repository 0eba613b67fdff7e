import Foundation

/// Turns the text of a cron expression into a ``CronSchedule``: an optional
/// `CRON_TZ=`/`TZ=` prefix, then a macro or 5 fields (6 with seconds first).
enum CronParser {
    /// The macros and the fields they stand for.
    static let macros: [String: String] = [
        "@yearly": "0 0 1 1 *",
        "@annually": "0 0 1 1 *",
        "@monthly": "0 0 1 * *",
        "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *",
        "@midnight": "0 0 * * *",
        "@hourly": "0 * * * *",
    ]

    static func parse(_ expression: String) throws(CronParseError) -> (CronSchedule, TimeZone?) {
        var words = CronToken.words(of: expression)
        guard let first = words.first else {
            throw CronParseError(kind: .empty, field: nil, text: expression, column: 1, message: "the expression is empty")
        }
        var zone: TimeZone?
        if let name = zonePrefix(first) {
            zone = try timeZone(name)
            words.removeFirst()
        }
        if let macro = words.first, macro.text.hasPrefix("@") {
            words = try expand(macro, followedBy: words.dropFirst())
        }
        return (try schedule(words, expressionEnd: expression.count + 1), zone)
    }

    // MARK: Prefix and macros

    private static func zonePrefix(_ word: CronToken) -> CronToken? {
        for prefix in ["CRON_TZ=", "TZ="] where word.text.hasPrefix(prefix) {
            return word.dropFirst(prefix.count)
        }
        return nil
    }

    private static func timeZone(_ name: CronToken) throws(CronParseError) -> TimeZone {
        guard !name.text.isEmpty, let zone = TimeZone(identifier: String(name.text)) else {
            let message = name.text.isEmpty ? "the time zone name is missing" : "\(name.text) is not a known IANA time zone"
            throw CronParseError(kind: .unknownTimeZone, field: "time zone", text: String(name.text), column: name.column, message: message)
        }
        return zone
    }

    /// The fields a macro stands for, each placed at the macro's column.
    private static func expand(_ macro: CronToken, followedBy rest: ArraySlice<CronToken>) throws(CronParseError) -> [CronToken] {
        guard let fields = macros[macro.text.lowercased()] else {
            let known = "@yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly"
            throw CronParseError(
                kind: .unknownMacro, field: nil, text: String(macro.text), column: macro.column,
                message: "\(macro.text) is not a supported macro; use \(known)")
        }
        if let extra = rest.first {
            throw CronParseError(
                kind: .fieldCount, field: nil, text: String(extra.text), column: extra.column,
                message: "unexpected \(extra.text) after \(macro.text)")
        }
        return fields.split(separator: " ").map { CronToken(text: $0, column: macro.column) }
    }

    // MARK: Fields

    private static func schedule(_ words: [CronToken], expressionEnd: Int) throws(CronParseError) -> CronSchedule {
        guard words.count == 5 || words.count == 6 else {
            let extra = words.count > 6 ? words[6] : nil
            throw CronParseError(
                kind: .fieldCount, field: nil, text: extra.map { String($0.text) } ?? "",
                column: extra?.column ?? expressionEnd,
                message: "expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, found \(words.count)")
        }
        let fields = words.count == 6 ? words : [CronToken(text: "0", column: words[0].column)] + words
        let (second, minute, hour, dayOfMonth, month, dayOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5])
        let schedule = CronSchedule(
            seconds: try FieldParser(field: .second).values(second),
            minutes: try FieldParser(field: .minute).values(minute),
            hours: try FieldParser(field: .hour).values(hour),
            months: try FieldParser(field: .month).values(month),
            days: DayRule(
                dayOfMonth: try FieldParser(field: .dayOfMonth).dayOfMonth(dayOfMonth),
                dayOfWeek: try FieldParser(field: .dayOfWeek).dayOfWeek(dayOfWeek)
            ),
            isFixedHour: !isWildcardHour(hour.text)
        )
        try checkCanFire(schedule, dayOfMonth: dayOfMonth, dayOfWeek: dayOfWeek)
        return schedule
    }

    /// `*` or `*/n` alone: the hours that follow real time through daylight-saving changes.
    private static func isWildcardHour(_ text: Substring) -> Bool {
        text == "*" || (text.hasPrefix("*/") && !text.contains(","))
    }

    /// Rejects day rules that match no day of any selected month in any year,
    /// such as `30 2` or `31 4`, instead of leaving `next` to search forever.
    private static func checkCanFire(_ schedule: CronSchedule, dayOfMonth: CronToken, dayOfWeek: CronToken) throws(CronParseError) {
        let months = schedule.months.values
        if months.contains(where: schedule.days.canMatch(inMonth:)) { return }
        let blamed = schedule.days.dayOfMonth.isRestricted ? (CronField.dayOfMonth, dayOfMonth) : (CronField.dayOfWeek, dayOfWeek)
        let monthNames = months.map { CronField.month.names[$0 - 1] }.joined(separator: ", ")
        throw CronParseError(
            kind: .neverFires, field: blamed.0.name, text: String(blamed.1.text), column: blamed.1.column,
            message: "\(blamed.1.text) never falls in \(monthNames), so the expression never fires")
    }
}
