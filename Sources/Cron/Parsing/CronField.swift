/// The six fields of a cron expression, with their ranges and names.
enum CronField: Int, CaseIterable, Sendable {
    case second, minute, hour, dayOfMonth, month, dayOfWeek

    /// The name used in error messages, e.g. `day-of-month`.
    var name: String {
        switch self {
        case .second: "second"
        case .minute: "minute"
        case .hour: "hour"
        case .dayOfMonth: "day-of-month"
        case .month: "month"
        case .dayOfWeek: "day-of-week"
        }
    }

    /// The values a user may write; day-of-week accepts 7 as a second Sunday.
    var bounds: ClosedRange<Int> {
        switch self {
        case .second, .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7
        }
    }

    /// The values the field stores (day-of-week folds 7 onto 0).
    var storedBounds: ClosedRange<Int> {
        self == .dayOfWeek ? 0...6 : bounds
    }

    /// Accepted steps: up to the number of values, so `*/60` in minutes is
    /// accepted (it selects only 0) but `*/61` is not.
    var steps: ClosedRange<Int> {
        1...(storedBounds.count)
    }

    /// Three-letter names, upper case, indexed from the field's first value.
    var names: [String] {
        switch self {
        case .month: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        case .dayOfWeek: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        default: []
        }
    }

    var isDayField: Bool {
        self == .dayOfMonth || self == .dayOfWeek
    }
}
