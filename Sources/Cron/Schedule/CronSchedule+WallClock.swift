/// Field-by-field search for matching wall-clock labels.
///
/// Each step finds the next (or previous) allowed value of one field with a bit
/// scan; when a field runs out, the next larger field moves on and the smaller
/// ones reset. A validated schedule matches within every 400-year Gregorian
/// cycle, so the searches stop after 401 years at most.
extension CronSchedule {
    /// The first matching label strictly after `label`.
    func nextLabel(after label: Int64) -> Int64? {
        var moment = CivilMoment(label: label + 1)
        let lastYear = moment.year + 401
        while moment.year <= lastYear {
            guard let month = months.next(atLeast: moment.month) else {
                moment.year += 1
                moment.month = 1
                moment.setDay(1, hour: 0, minute: 0, second: 0)
                continue
            }
            if month != moment.month {
                moment.month = month
                moment.setDay(1, hour: 0, minute: 0, second: 0)
            }
            guard let day = days.matches(year: moment.year, month: month).next(atLeast: moment.day) else {
                moment.month += 1
                moment.setDay(1, hour: 0, minute: 0, second: 0)
                continue
            }
            if day != moment.day {
                moment.setDay(day, hour: 0, minute: 0, second: 0)
            }
            guard let hour = hours.next(atLeast: moment.hour) else {
                moment.setDay(day + 1, hour: 0, minute: 0, second: 0)
                continue
            }
            if hour != moment.hour {
                moment.setDay(day, hour: hour, minute: 0, second: 0)
            }
            guard let minute = minutes.next(atLeast: moment.minute) else {
                moment.setDay(day, hour: hour + 1, minute: 0, second: 0)
                continue
            }
            if minute != moment.minute {
                moment.setDay(day, hour: hour, minute: minute, second: 0)
            }
            guard let second = seconds.next(atLeast: moment.second) else {
                moment.setDay(day, hour: hour, minute: minute + 1, second: 0)
                continue
            }
            moment.second = second
            return moment.label
        }
        return nil
    }

    /// The last matching label strictly before `label`.
    func previousLabel(before label: Int64) -> Int64? {
        var moment = CivilMoment(label: label - 1)
        let firstYear = moment.year - 401
        while moment.year >= firstYear {
            guard let month = months.previous(atMost: moment.month) else {
                moment.year -= 1
                moment.month = 12
                moment.setDay(31, hour: 23, minute: 59, second: 59)
                continue
            }
            if month != moment.month {
                moment.month = month
                moment.setDay(31, hour: 23, minute: 59, second: 59)
            }
            guard let day = days.matches(year: moment.year, month: month).previous(atMost: moment.day) else {
                moment.month -= 1
                moment.setDay(31, hour: 23, minute: 59, second: 59)
                continue
            }
            if day != moment.day {
                moment.setDay(day, hour: 23, minute: 59, second: 59)
            }
            guard let hour = hours.previous(atMost: moment.hour) else {
                moment.setDay(day - 1, hour: 23, minute: 59, second: 59)
                continue
            }
            if hour != moment.hour {
                moment.setDay(day, hour: hour, minute: 59, second: 59)
            }
            guard let minute = minutes.previous(atMost: moment.minute) else {
                moment.setDay(day, hour: hour - 1, minute: 59, second: 59)
                continue
            }
            if minute != moment.minute {
                moment.setDay(day, hour: hour, minute: minute, second: 59)
            }
            guard let second = seconds.previous(atMost: moment.second) else {
                moment.setDay(day, hour: hour, minute: minute - 1, second: 59)
                continue
            }
            moment.second = second
            return moment.label
        }
        return nil
    }
}
