/// A wall-clock moment split into fields, used while advancing field by field.
struct CivilMoment {
    var year: Int64
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    init(label: Int64) {
        let dayNumber = label >= 0 ? label / 86_400 : (label - 86_399) / 86_400
        let secondOfDay = Int(label - dayNumber * 86_400)
        (year, month, day) = CivilCalendar.date(dayNumber: dayNumber)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
    }

    var label: Int64 {
        CivilCalendar.dayNumber(year: year, month: month, day: day) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
    }

    mutating func setDay(_ day: Int, hour: Int, minute: Int, second: Int) {
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }
}
