/// The day-of-month field: plain days plus the `L`, `L-n`, `LW` and `nW` forms.
struct DayOfMonthSet: Hashable, Sendable {
    /// Days 1–31 named directly.
    var days = FieldBits()
    /// Bit `n` set for `L-n` (`L` itself is `L-0`).
    var daysBeforeLast = FieldBits()
    /// `LW`: the last weekday (Monday–Friday) of the month.
    var lastWeekday = false
    /// Bit `n` set for `nW`: the weekday nearest day `n`, without leaving the month.
    var nearestWeekday = FieldBits()
    /// False when the field was `*` or `?`.
    var isRestricted = false

    var hasSpecialDays: Bool {
        !daysBeforeLast.isEmpty || lastWeekday || !nearestWeekday.isEmpty
    }

    /// The matching days of a month as a bit set (bit `d` = day `d`).
    func matches(length: Int, firstWeekday: Int) -> UInt64 {
        let monthMask: UInt64 = ((1 << UInt64(length + 1)) - 1) & ~1
        var result = days.raw & monthMask
        var offsets = daysBeforeLast.raw
        while offsets != 0 {
            let day = length - offsets.trailingZeroBitCount
            offsets &= offsets - 1
            if day >= 1 { result |= 1 << UInt64(day) }
        }
        if lastWeekday {
            let weekday = (firstWeekday + length - 1) % 7
            let day = weekday == 6 ? length - 1 : weekday == 0 ? length - 2 : length
            result |= 1 << UInt64(day)
        }
        var nearest = nearestWeekday.raw & monthMask
        while nearest != 0 {
            let day = nearest.trailingZeroBitCount
            nearest &= nearest - 1
            result |= 1 << UInt64(Self.weekdayNearest(day, length: length, firstWeekday: firstWeekday))
        }
        return result
    }

    /// Quartz's `nW`: a Saturday moves back to Friday and a Sunday forward to
    /// Monday, unless that would leave the month, in which case it goes the other way.
    private static func weekdayNearest(_ day: Int, length: Int, firstWeekday: Int) -> Int {
        switch (firstWeekday + day - 1) % 7 {
        case 6: day == 1 ? day + 2 : day - 1
        case 0: day == length ? day - 2 : day + 1
        default: day
        }
    }
}

/// The day-of-week field: plain weekdays plus the `nL` and `n#k` forms.
struct DayOfWeekSet: Hashable, Sendable {
    /// Weekdays 0–6 (0 = Sunday) named directly.
    var weekdays = FieldBits()
    /// `nL`: bit `n` set for the last weekday `n` of the month.
    var lastOfMonth = FieldBits()
    /// `n#k`: bit `(k - 1) * 7 + n` set for the `k`-th weekday `n` of the month.
    var nthOfMonth = FieldBits()
    /// False when the field was `*` or `?`.
    var isRestricted = false

    var hasSpecialDays: Bool {
        !lastOfMonth.isEmpty || !nthOfMonth.isEmpty
    }

    /// Days 1, 8, 15, 22 and 29: one weekday's days when the month starts on it.
    private static let weeklyPattern: UInt64 = 1 << 1 | 1 << 8 | 1 << 15 | 1 << 22 | 1 << 29

    /// The matching days of a month as a bit set (bit `d` = day `d`).
    func matches(length: Int, firstWeekday: Int) -> UInt64 {
        let monthMask: UInt64 = ((1 << UInt64(length + 1)) - 1) & ~1
        var result: UInt64 = 0
        var plain = weekdays.raw
        while plain != 0 {
            let weekday = plain.trailingZeroBitCount
            plain &= plain - 1
            result |= Self.weeklyPattern << UInt64((weekday - firstWeekday + 7) % 7)
        }
        var last = lastOfMonth.raw
        while last != 0 {
            let weekday = last.trailingZeroBitCount
            last &= last - 1
            let lastDayWeekday = (firstWeekday + length - 1) % 7
            result |= 1 << UInt64(length - (lastDayWeekday - weekday + 7) % 7)
        }
        var nth = nthOfMonth.raw
        while nth != 0 {
            let bit = nth.trailingZeroBitCount
            nth &= nth - 1
            let day = 1 + (bit % 7 - firstWeekday + 7) % 7 + 7 * (bit / 7)
            if day <= length { result |= 1 << UInt64(day) }
        }
        return result & monthMask
    }
}

/// Which days of a month fire, combining both day fields as Vixie cron does:
/// when both are restricted a day matches if either matches; when one is
/// `*` or `?` only the other counts.
struct DayRule: Hashable, Sendable {
    var dayOfMonth = DayOfMonthSet()
    var dayOfWeek = DayOfWeekSet()

    /// The matching days of the month as a bit set (bit `d` = day `d`).
    func matches(length: Int, firstWeekday: Int) -> UInt64 {
        switch (dayOfMonth.isRestricted, dayOfWeek.isRestricted) {
        case (true, true):
            dayOfMonth.matches(length: length, firstWeekday: firstWeekday)
                | dayOfWeek.matches(length: length, firstWeekday: firstWeekday)
        case (true, false):
            dayOfMonth.matches(length: length, firstWeekday: firstWeekday)
        case (false, true):
            dayOfWeek.matches(length: length, firstWeekday: firstWeekday)
        case (false, false):
            ((1 << UInt64(length + 1)) - 1) & ~1
        }
    }

    /// The matching days of one month of one year.
    func matches(year: Int64, month: Int) -> FieldBits {
        let length = CivilCalendar.daysInMonth(year: year, month: month)
        let first = CivilCalendar.weekday(dayNumber: CivilCalendar.dayNumber(year: year, month: month, day: 1))
        return FieldBits(raw: matches(length: length, firstWeekday: first))
    }

    /// Whether some day matches in some year in the given month. Every
    /// combination of month length and starting weekday occurs within 400 years,
    /// so checking them all decides whether the month can ever fire.
    func canMatch(inMonth month: Int) -> Bool {
        let lengths = month == 2 ? [28, 29] : [CivilCalendar.daysInMonth(year: 1, month: month)]
        return lengths.contains { length in
            (0..<7).contains { matches(length: length, firstWeekday: $0) != 0 }
        }
    }
}
