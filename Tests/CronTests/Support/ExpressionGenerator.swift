/// Random cron expressions together with their ``ScheduleModel``.
struct ExpressionGenerator {
    var random: SeededRandom
    /// Whether to add a seconds field.
    var withSeconds = false
    /// Whether to use `L`, `W`, `#`, `?` and names (croniter reads some differently).
    var withExtensions = true

    private static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    private static let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

    mutating func next() -> (text: String, model: ScheduleModel) {
        var model = ScheduleModel()
        var fields: [String] = []
        if withSeconds {
            let (text, values) = plainField(0...59, star: 0.3)
            fields.append(text)
            model.seconds = values
        }
        let (minuteText, minutes) = plainField(0...59, star: withSeconds ? 0.5 : 0.2)
        let (hourText, hours) = plainField(0...23, star: 0.4)
        let (monthText, months) = plainField(1...12, star: 0.7, names: Self.monthNames)
        model.minutes = minutes
        model.hours = hours
        model.months = months
        model.fixedHour = hourText != "*" && !(hourText.hasPrefix("*/") && !hourText.contains(","))
        let domText = dayOfMonthField(&model)
        let dowText = dayOfWeekField(&model)
        fields += [minuteText, hourText, domText, monthText, dowText]
        return (fields.joined(separator: " "), model)
    }

    private mutating func pick(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }

    /// A value written as a number, or sometimes as a name.
    private mutating func written(_ value: Int, _ range: ClosedRange<Int>, names: [String]?) -> String {
        // 7 is Sunday too, but SUN parses as 0, so it keeps its number.
        guard let names, withExtensions, value - range.lowerBound < names.count, random.chance(0.3) else { return "\(value)" }
        let name = names[value - range.lowerBound]
        return random.chance(0.5) ? name : name.lowercased()
    }

    /// `*`, values, ranges, steps and lists of them.
    private mutating func plainField(_ range: ClosedRange<Int>, star: Double, names: [String]? = nil) -> (String, Set<Int>) {
        if random.chance(star) { return ("*", Set(range)) }
        let itemCount = random.chance(0.7) ? 1 : pick(2...3)
        var texts: [String] = []
        var values: Set<Int> = []
        for _ in 0..<itemCount {
            let (text, itemValues) = item(range, names: names)
            texts.append(text)
            values.formUnion(itemValues)
        }
        return (texts.joined(separator: ","), values)
    }

    private mutating func item(_ range: ClosedRange<Int>, names: [String]?) -> (String, Set<Int>) {
        let span = range.count
        switch pick(0...5) {
        case 0:
            let step = pick(1...max(1, span / 2))
            return ("*/\(step)", Set(stride(from: range.lowerBound, through: range.upperBound, by: step)))
        case 1:
            let low = pick(range)
            let high = pick(low...range.upperBound)
            return ("\(written(low, range, names: names))-\(written(high, range, names: names))", Set(low...high))
        case 2:
            let low = pick(range)
            let high = pick(low...range.upperBound)
            let step = pick(1...max(1, span / 3))
            return ("\(low)-\(high)/\(step)", Set(stride(from: low, through: high, by: step)))
        case 3:
            let low = pick(range)
            let step = pick(1...max(1, span / 3))
            return ("\(low)/\(step)", Set(stride(from: low, through: range.upperBound, by: step)))
        default:
            let value = pick(range)
            return (written(value, range, names: names), [value])
        }
    }

    private mutating func dayOfMonthField(_ model: inout ScheduleModel) -> String {
        if random.chance(0.5) {
            return withExtensions && random.chance(0.2) ? "?" : "*"
        }
        model.dayOfMonthStar = false
        guard withExtensions, random.chance(0.4) else {
            let (text, values) = plainField(1...31, star: 0)
            model.days = values
            return text
        }
        switch pick(0...3) {
        case 0:
            model.lastOffsets = [0]
            return "L"
        case 1:
            let offset = pick(1...5)
            model.lastOffsets = [offset]
            return "L-\(offset)"
        case 2:
            model.lastWeekday = true
            return "LW"
        default:
            let day = pick(1...31)
            model.nearest = [day]
            return "\(day)W"
        }
    }

    private mutating func dayOfWeekField(_ model: inout ScheduleModel) -> String {
        if random.chance(0.6) {
            return withExtensions && random.chance(0.2) ? "?" : "*"
        }
        model.dayOfWeekStar = false
        guard withExtensions, random.chance(0.4) else {
            let (text, values) = plainField(0...7, star: 0, names: withExtensions ? Self.dayNames : nil)
            model.weekdays = Set(values.map { $0 % 7 })
            return text
        }
        let weekday = pick(0...6)
        if random.chance(0.5) {
            model.lastOfMonth = [weekday]
            return "\(weekday)L"
        }
        let week = pick(1...5)
        model.nth = [[weekday, week]]
        return "\(weekday)#\(week)"
    }
}
