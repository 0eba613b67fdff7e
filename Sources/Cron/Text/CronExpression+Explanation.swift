import Foundation

/// An English sentence for user interfaces and the CLI, e.g.
/// `At 02:00 on every day` or `Every 15 minutes during hours 9 through 17 on
/// Monday through Friday`.
extension CronExpression {
    /// The schedule in plain English.
    public var explanation: String {
        let sentence = [timePhrase, dayPhrase, monthPhrase].filter { !$0.isEmpty }.joined(separator: " ")
        let zone = timeZoneOverride.map { ", \($0.identifier) time" } ?? ""
        return sentence.prefix(1).uppercased() + sentence.dropFirst() + zone
    }

    // MARK: Time of day

    private var timePhrase: String {
        let seconds = schedule.seconds.values
        let minutes = schedule.minutes.values
        let hours = schedule.hours.values
        if seconds.count == 1, minutes.count == 1, hours.count <= 4 {
            return "at " + English.list(hours.map { English.clock($0, minutes[0], seconds[0]) })
        }
        var parts: [String] = []
        if seconds != [0] {
            parts.append(English.every(seconds, in: 0...59, unit: "second"))
        }
        // "every second" or "every 10 seconds" already says "every minute".
        if seconds.count == 1 || minutes.count < 60 {
            parts.append(English.every(minutes, in: 0...59, unit: "minute"))
        }
        if hours.count < 24 {
            parts.append("during " + hoursPhrase(hours))
        } else if minutes.count == 1 {
            parts.append("of every hour")
        }
        return parts.joined(separator: " ")
    }

    /// `every 2nd hour`, `hour 2`, `hours 9 through 17`.
    private func hoursPhrase(_ hours: [Int]) -> String {
        if let step = FieldText.starStep(hours, in: 0...23) {
            return "every \(English.ordinal(step)) hour"
        }
        return (hours.count == 1 ? "hour " : "hours ") + English.list(hours, names: nil)
    }

    // MARK: Days and months

    private var dayPhrase: String {
        let days = schedule.days
        switch (days.dayOfMonth.isRestricted, days.dayOfWeek.isRestricted) {
        case (false, false): return "on every day"
        case (true, false): return "on " + dayOfMonthPhrase
        case (false, true): return "on " + dayOfWeekPhrase
        case (true, true): return "on \(dayOfMonthPhrase) or \(dayOfWeekPhrase)"
        }
    }

    private var dayOfMonthPhrase: String {
        let days = schedule.days.dayOfMonth
        var items: [String] = []
        if !days.days.isEmpty {
            let values = days.days.values
            items.append((values.count == 1 ? "day " : "days ") + English.list(values, names: nil) + " of the month")
        }
        items += days.daysBeforeLast.values.map { $0 == 0 ? "the last day of the month" : "\($0) days before the last day of the month" }
        if days.lastWeekday { items.append("the last weekday of the month") }
        items += days.nearestWeekday.values.map { "the weekday nearest day \($0) of the month" }
        return English.list(items)
    }

    private var dayOfWeekPhrase: String {
        let days = schedule.days.dayOfWeek
        var items: [String] = []
        if !days.weekdays.isEmpty {
            items.append(English.list(days.weekdays.values, names: English.weekdays))
        }
        items += days.lastOfMonth.values.map { "the last \(English.weekdays[$0]) of the month" }
        items += days.nthOfMonth.values.map { "the \(English.ordinal($0 / 7 + 1)) \(English.weekdays[$0 % 7]) of the month" }
        return English.list(items)
    }

    private var monthPhrase: String {
        let months = schedule.months.values
        return months.count == 12 ? "" : "in " + English.list(months.map { $0 - 1 }, names: English.months)
    }
}

/// Small English helpers for ``CronExpression/explanation``.
enum English {
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let months = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// Values as a list with runs written `a through b`, by name when `names` is given.
    static func list(_ values: [Int], names: [String]?) -> String {
        let text = { (value: Int) in names?[value] ?? "\(value)" }
        return list(FieldText.pieces(values).map { piece in
            switch piece {
            case .single(let value): text(value)
            case .run(let lower, let upper): "\(text(lower)) through \(text(upper))"
            }
        })
    }

    /// `every minute`, `every 15 minutes`, `every minute from 10 through 20`,
    /// `at minute 5`, `at minutes 0 and 30`.
    static func every(_ values: [Int], in range: ClosedRange<Int>, unit: String) -> String {
        if values.count == range.count { return "every \(unit)" }
        if let step = FieldText.starStep(values, in: range) {
            return "every \(step) \(unit)s"
        }
        if values.count == 1 { return "at \(unit) \(values[0])" }
        let pieces = FieldText.pieces(values)
        if pieces.count == 1, case .run(let lower, let upper) = pieces[0] {
            return "every \(unit) from \(lower) through \(upper)"
        }
        return "at \(unit)s " + list(values, names: nil)
    }

    /// `02:00`, or `02:00:30` when the second is not 0.
    static func clock(_ hour: Int, _ minute: Int, _ second: Int) -> String {
        let padded = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return padded(hour) + ":" + padded(minute) + (second == 0 ? "" : ":" + padded(second))
    }

    /// `1st`, `2nd`, `3rd`, `4th`, `5th`.
    static func ordinal(_ number: Int) -> String {
        switch number {
        case 1: "1st"
        case 2: "2nd"
        case 3: "3rd"
        default: "\(number)th"
        }
    }
}
