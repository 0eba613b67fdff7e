import Cron
import Foundation
import Testing

/// Random expressions checked against ``BruteForceOracle``: `next` and
/// `previous` must find exactly the oracle's fire times, in order.
@Suite struct PropertyTests {
    /// Compares the engine with the oracle over `start ..< end` and returns
    /// how many oracle fire times there were.
    @discardableResult
    static func check(
        _ cron: CronExpression, _ text: String, oracle: BruteForceOracle, from start: Int, to end: Int
    ) -> Int {
        let expected = oracle.fireTimes(from: start, to: end)
        let zone = oracle.zone
        let context = Comment(rawValue: "\(text) in \(zone.identifier) from \(iso(Date(timeIntervalSince1970: TimeInterval(start)), zone))")
        var cursor = Date(timeIntervalSince1970: TimeInterval(start - 1))
        for fire in expected {
            let next = cron.next(after: cursor, in: zone)
            #expect(next == Date(timeIntervalSince1970: TimeInterval(fire)), context)
            guard next == Date(timeIntervalSince1970: TimeInterval(fire)) else { return expected.count }
            #expect(cron.previous(before: next!, in: zone).map { $0 <= cursor } ?? true, context)
            cursor = next!
        }
        // Nothing else fires before the end of the window…
        let after = cron.next(after: cursor, in: zone)
        #expect(after.map { $0.timeIntervalSince1970 >= Double(end) } ?? true, context)
        // …and what fires later really matches (for times outside any fold or gap).
        if let after, !oracle.model.fixedHour || zone.secondsFromGMT(for: after) == zone.secondsFromGMT(for: after - 86_400) {
            let label = Int(after.timeIntervalSince1970) + zone.secondsFromGMT(for: after)
            #expect(oracle.matches(label: label), context)
        }
        // `previous` walks the same times backwards.
        var backwards = Date(timeIntervalSince1970: TimeInterval(end))
        for fire in expected.reversed() {
            let previous = cron.previous(before: backwards, in: zone)
            #expect(previous == Date(timeIntervalSince1970: TimeInterval(fire)), context)
            guard let previous else { break }
            backwards = previous
        }
        if let before = cron.previous(before: backwards, in: zone) {
            #expect(before.timeIntervalSince1970 < Double(start), context)
        }
        return expected.count
    }

    /// A random day between 1970 and 2400, sometimes pushed to a month's end or a leap day.
    static func windowStart(_ random: inout SeededRandom) -> Int {
        let year = Int.random(in: 1970...2400, using: &random)
        var parts = DateComponents(year: year, month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))
        if random.chance(0.3) {
            parts.day = 26
            if random.chance(0.5) { parts.month = 2 }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return Int(calendar.date(from: parts)!.timeIntervalSince1970)
    }

    /// Never-firing expressions are rejected only when the model agrees that
    /// no day of the selected months matches in a whole 400-year cycle.
    static func checkRejection(_ error: CronParseError, model: ScheduleModel, text: String) {
        #expect(error.kind == .neverFires, "\(text): \(error)")
        let days = DayTable()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        for year in 2000..<2400 {
            for month in model.months.sorted() {
                let first = Int(calendar.date(from: DateComponents(year: year, month: month, day: 1))!.timeIntervalSince1970)
                let length = days.day(ofLabel: first).length
                for day in 0..<length where model.matchesDay(days.day(ofLabel: first + day * 86_400)) {
                    Issue.record("\(text) was rejected but fires on \(year)-\(month)-\(day + 1)")
                    return
                }
            }
        }
    }

    @Test func nextAndPreviousAgreeWithBruteForceForRandomFiveFieldExpressionsInUTC() throws {
        var generator = ExpressionGenerator(random: SeededRandom(seed: 0xC0FFEE))
        var windowRandom = SeededRandom(seed: 42)
        var fired = 0
        for _ in 0..<2000 {
            let (text, model) = generator.next()
            let start = Self.windowStart(&windowRandom)
            do {
                let cron = try CronExpression(text)
                let oracle = BruteForceOracle(model: model, zone: utc, step: 60)
                fired += Self.check(cron, text, oracle: oracle, from: start, to: start + 3 * 86_400)
            } catch {
                Self.checkRejection(error, model: model, text: text)
            }
        }
        // The windows must exercise the engine, not just agree on silence.
        #expect(fired > 20_000)
    }

    @Test func nextAndPreviousAgreeWithBruteForceForRandomSixFieldExpressionsInUTC() throws {
        var generator = ExpressionGenerator(random: SeededRandom(seed: 0x5EC0))
        generator.withSeconds = true
        var windowRandom = SeededRandom(seed: 7)
        var fired = 0
        for _ in 0..<1000 {
            let (text, model) = generator.next()
            let start = Self.windowStart(&windowRandom) + Int.random(in: 0..<86_400, using: &windowRandom) / 60 * 60
            do {
                let cron = try CronExpression(text)
                let oracle = BruteForceOracle(model: model, zone: utc, step: 1)
                fired += Self.check(cron, text, oracle: oracle, from: start, to: start + 2 * 3600)
            } catch {
                Self.checkRejection(error, model: model, text: text)
            }
        }
        #expect(fired > 20_000)
    }

    static let dstZones = [
        "America/New_York", "Europe/Paris", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Apia", "America/Santiago",
    ]

    @Test(arguments: dstZones)
    func nextAndPreviousAgreeWithBruteForceAroundOffsetChanges(_ zoneName: String) throws {
        let tz = zone(zoneName)
        // Offset changes in several years, including Apia's skipped day and Kolkata's none.
        var transitions: [Int] = []
        for year in [2011, 2026, 2099] {
            var cursor = instant("\(year)-01-01T00:00:00Z")
            for _ in 0..<2 {
                guard let change = tz.nextDaylightSavingTimeTransition(after: cursor) else { break }
                transitions.append(Int(change.timeIntervalSince1970))
                cursor = change
            }
        }
        if transitions.isEmpty { transitions = [Int(instant("2026-03-29T00:00:00Z").timeIntervalSince1970)] }
        var generator = ExpressionGenerator(random: SeededRandom(seed: UInt64(zoneName.utf8.count) &* 977))
        for transition in transitions {
            for _ in 0..<40 {
                var (text, model) = generator.next()
                // Keep days and months open so the window around the change fires.
                text = text.split(separator: " ").prefix(2).joined(separator: " ") + " * * *"
                model.months = Set(1...12)
                model.dayOfMonthStar = true
                model.dayOfWeekStar = true
                let cron = try CronExpression(text)
                let oracle = BruteForceOracle(model: model, zone: tz, step: 60)
                let start = (transition - 86_400) / 60 * 60
                Self.check(cron, text, oracle: oracle, from: start, to: start + 2 * 86_400)
            }
        }
    }
}
