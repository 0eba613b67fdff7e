/// Parses one field of a cron expression into bit sets.
///
/// A field is a comma-separated list of items: `*`, `a`, `a-b`, each optionally
/// followed by `/step`, and `a/step` (from `a` to the end of the range); day
/// fields add their own forms (`L`, `L-n`, `LW`, `nW`; `nL`, `n#k`).
struct FieldParser {
    let field: CronField

    /// Parses the second, minute, hour or month field.
    func values(_ token: CronToken) throws(CronParseError) -> FieldBits {
        var bits = FieldBits()
        for item in token.split(on: ",") {
            try checkSymbols(item)
            bits.raw |= try rangeItem(item).raw
        }
        return bits
    }

    /// Parses the day-of-month field.
    func dayOfMonth(_ token: CronToken) throws(CronParseError) -> DayOfMonthSet {
        var set = DayOfMonthSet(isRestricted: token.text != "*" && token.text != "?")
        guard set.isRestricted else {
            set.days = FieldBits(field.storedBounds)
            return set
        }
        for item in token.split(on: ",") {
            try checkSymbols(item)
            let text = item.text.uppercased()
            if text == "L" {
                set.daysBeforeLast.insert(0)
            } else if text == "LW" {
                set.lastWeekday = true
            } else if text.hasPrefix("L-") {
                set.daysBeforeLast.insert(try number(item.dropFirst(2), in: 0...30))
            } else if text.count > 1, text.hasSuffix("W") {
                set.nearestWeekday.insert(try value(item.dropLast(1)))
            } else {
                set.days.raw |= try rangeItem(item).raw
            }
        }
        return set
    }

    /// Parses the day-of-week field.
    func dayOfWeek(_ token: CronToken) throws(CronParseError) -> DayOfWeekSet {
        var set = DayOfWeekSet(isRestricted: token.text != "*" && token.text != "?")
        guard set.isRestricted else {
            set.weekdays = FieldBits(field.storedBounds)
            return set
        }
        for item in token.split(on: ",") {
            try checkSymbols(item)
            let text = item.text.uppercased()
            if let (weekday, ordinal) = item.split(atFirst: "#") {
                let day = try value(weekday) % 7
                let week = try number(ordinal, in: 1...5)
                set.nthOfMonth.insert((week - 1) * 7 + day)
            } else if text == "L" {
                throw error(.misplacedSymbol, item, "L in day-of-week needs a weekday before it, e.g. 5L or FRIL")
            } else if text.hasSuffix("L") {
                set.lastOfMonth.insert(try value(item.dropLast(1)) % 7)
            } else {
                set.weekdays.raw |= try rangeItem(item).raw
            }
        }
        return set
    }

    // MARK: Items

    /// `*`, `a`, `a-b`, `*/n`, `a-b/n` or `a/n`.
    private func rangeItem(_ item: CronToken) throws(CronParseError) -> FieldBits {
        let rangeText: CronToken
        var step = 1
        var hasStep = false
        if let (head, tail) = item.split(atFirst: "/") {
            rangeText = head
            step = try number(tail, in: field.steps, isStep: true)
            hasStep = true
        } else {
            rangeText = item
        }
        if rangeText.text == "*" {
            return FieldBits(field.storedBounds, step: step)
        }
        let lower: Int
        var upper: Int
        if let (head, tail) = rangeText.split(atFirst: "-") {
            lower = try value(head)
            upper = try value(tail)
            // `FRI-SUN`: a Sunday written as 0 at the end of a range means 7.
            if field == .dayOfWeek, upper == 0, lower > 0 { upper = 7 }
            if upper < lower {
                throw error(.invalidRange, rangeText, "range \(rangeText.text) goes backwards")
            }
        } else {
            lower = try value(rangeText)
            upper = hasStep ? field.bounds.upperBound : lower
        }
        var bits = FieldBits()
        for value in stride(from: lower, through: upper, by: step) {
            bits.insert(field == .dayOfWeek ? value % 7 : value)
        }
        return bits
    }

    /// A number or a name, checked against the field's range.
    private func value(_ token: CronToken) throws(CronParseError) -> Int {
        let text = token.text.uppercased()
        if let index = field.names.firstIndex(of: text) {
            return index + field.bounds.lowerBound
        }
        if text.isEmpty {
            throw error(.invalidValue, token, "a value is missing")
        }
        guard text.allSatisfy(\.isASCIIDigit) else {
            let expected = field.names.isEmpty ? "a number" : "a number or a name like \(field.names[0])"
            throw error(.invalidValue, token, "\(token.text) is not \(expected)")
        }
        return try number(token, in: field.bounds)
    }

    /// A decimal number in `range`; `isStep` words the errors for a step.
    private func number(
        _ token: CronToken,
        in range: ClosedRange<Int>,
        isStep: Bool = false
    ) throws(CronParseError) -> Int {
        let what = isStep ? "step " : ""
        if token.text.isEmpty {
            throw error(isStep ? .invalidStep : .invalidValue, token, isStep ? "the step after / is missing" : "a number is missing")
        }
        guard token.text.allSatisfy(\.isASCIIDigit) else {
            throw error(isStep ? .invalidStep : .invalidValue, token, "\(what)\(token.text) is not a number")
        }
        // More digits than any range needs cannot be in range (and must not overflow).
        guard token.text.count <= 4, let number = Int(token.text), range.contains(number) else {
            let message = "\(what)\(token.text) is out of range \(range.lowerBound)-\(range.upperBound)"
            throw error(isStep ? .invalidStep : .outOfRange, token, message)
        }
        return number
    }

    /// Rejects `?`, `L`, `W` and `#` where this field does not allow them, with
    /// a message that says where they belong.
    private func checkSymbols(_ item: CronToken) throws(CronParseError) {
        let text = item.text.uppercased()
        if text.contains("?") {
            let message = field.isDayField
                ? "? must be the whole field"
                : "? is only allowed in day-of-month and day-of-week"
            throw error(.misplacedSymbol, item, message)
        }
        if text.contains("#"), field != .dayOfWeek {
            throw error(.misplacedSymbol, item, "# is only allowed in day-of-week")
        }
        if !field.isDayField, field != .month, text.contains("L") {
            throw error(.misplacedSymbol, item, "L is only allowed in day-of-month and day-of-week")
        }
        if !field.isDayField, field != .month, text.contains("W") {
            throw error(.misplacedSymbol, item, "W is only allowed in day-of-month")
        }
    }

    private func error(_ kind: CronParseError.Kind, _ token: CronToken, _ message: String) -> CronParseError {
        CronParseError(kind: kind, field: field.name, text: String(token.text), column: token.column, message: message)
    }
}

extension Character {
    /// `0`–`9` only; `isNumber` would also accept other scripts' digits.
    var isASCIIDigit: Bool {
        ("0"..."9").contains(self)
    }
}
