import Foundation

/// The normalized form: macros expanded, names and 7 turned into numbers,
/// lists compacted, the seconds field only when it is not just 0, and the zone
/// prefix written as `CRON_TZ=`. Parsing it again gives an equal expression.
extension CronExpression {
    /// The normalized form, e.g. `@daily` becomes `0 0 * * *`.
    public var description: String {
        var fields: [String] = []
        if schedule.seconds != FieldBits(raw: 1) {
            fields.append(FieldText.cron(schedule.seconds, in: 0...59, allowsStar: true))
        }
        fields.append(FieldText.cron(schedule.minutes, in: 0...59, allowsStar: true))
        fields.append(hourText)
        fields.append(dayOfMonthText)
        fields.append(FieldText.cron(schedule.months, in: 1...12, allowsStar: true))
        fields.append(dayOfWeekText)
        let prefix = timeZoneOverride.map { "CRON_TZ=\($0.identifier) " } ?? ""
        return prefix + fields.joined(separator: " ")
    }

    /// Keeps the fixed/wildcard distinction: wildcard hours are always `*` or
    /// `*/n`, fixed hours never are.
    private var hourText: String {
        guard !schedule.isFixedHour else {
            return FieldText.cron(schedule.hours, in: 0...23, allowsStar: false)
        }
        let values = schedule.hours.values
        return values.count == 24 ? "*" : "*/\(values.count > 1 ? values[1] : 24)"
    }

    private var dayOfMonthText: String {
        let days = schedule.days.dayOfMonth
        guard days.isRestricted else { return "*" }
        var items: [String] = days.days.isEmpty ? [] : [FieldText.cron(days.days, in: 1...31, allowsStar: false)]
        items += days.daysBeforeLast.values.map { $0 == 0 ? "L" : "L-\($0)" }
        if days.lastWeekday { items.append("LW") }
        items += days.nearestWeekday.values.map { "\($0)W" }
        return items.joined(separator: ",")
    }

    private var dayOfWeekText: String {
        let days = schedule.days.dayOfWeek
        guard days.isRestricted else { return "*" }
        var items: [String] = days.weekdays.isEmpty ? [] : [FieldText.cron(days.weekdays, in: 0...6, allowsStar: false)]
        items += days.lastOfMonth.values.map { "\($0)L" }
        items += days.nthOfMonth.values.map { "\($0 % 7)#\($0 / 7 + 1)" }
        return items.joined(separator: ",")
    }
}
