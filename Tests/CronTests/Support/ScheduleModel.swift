import Foundation

/// An independent model of what a generated expression means, used by the
/// brute-force oracle. It shares no code with the library: values are plain
/// sets and the day forms are evaluated from their definitions.
struct ScheduleModel {
    var seconds: Set<Int> = [0]
    var minutes: Set<Int> = []
    var hours: Set<Int> = []
    var months: Set<Int> = []
    var dayOfMonthStar = true
    var dayOfWeekStar = true
    var days: Set<Int> = []
    var lastOffsets: Set<Int> = []
    var lastWeekday = false
    var nearest: Set<Int> = []
    var weekdays: Set<Int> = []
    var lastOfMonth: Set<Int> = []
    /// (weekday, k) pairs for `weekday#k`.
    var nth: Set<[Int]> = []
    var fixedHour = true

    /// Civil facts about one day, read from Foundation's calendar.
    struct Day {
        var year: Int
        var month: Int
        var day: Int
        var weekday: Int
        var length: Int
    }

    func matchesDay(_ day: Day) -> Bool {
        guard months.contains(day.month) else { return false }
        let weekdayOf = { (other: Int) in ((day.weekday + other - day.day) % 7 + 7) % 7 }
        let domMatch = days.contains(day.day)
            || lastOffsets.contains(day.length - day.day)
            || (lastWeekday && (1...5).contains(day.weekday)
                && (day.day + 1..<day.length + 1).allSatisfy { [0, 6].contains(weekdayOf($0)) })
            || nearest.contains { n in
                guard n <= day.length else { return false }
                var target = n
                switch weekdayOf(n) {
                case 6: target = n == 1 ? 3 : n - 1
                case 0: target = n == day.length ? n - 2 : n + 1
                default: break
                }
                return target == day.day
            }
        let dowMatch = weekdays.contains(day.weekday)
            || (lastOfMonth.contains(day.weekday) && day.day + 7 > day.length)
            || nth.contains([day.weekday, (day.day - 1) / 7 + 1])
        switch (dayOfMonthStar, dayOfWeekStar) {
        case (true, true): return true
        case (false, true): return domMatch
        case (true, false): return dowMatch
        case (false, false): return domMatch || dowMatch
        }
    }
}

/// Day facts by label day, from Foundation's Gregorian calendar in UTC.
final class DayTable {
    private var cache: [Int: ScheduleModel.Day] = [:]
    private let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Facts about the civil day of `label` (wall-clock seconds since 1970).
    func day(ofLabel label: Int) -> ScheduleModel.Day {
        let dayIndex = Int((Double(label) / 86_400).rounded(.down))
        if let day = cache[dayIndex] { return day }
        let date = Date(timeIntervalSince1970: TimeInterval(dayIndex * 86_400))
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
        let day = ScheduleModel.Day(
            year: parts.year!, month: parts.month!, day: parts.day!, weekday: parts.weekday! - 1,
            length: calendar.range(of: .day, in: .month, for: date)!.count)
        cache[dayIndex] = day
        return day
    }
}
