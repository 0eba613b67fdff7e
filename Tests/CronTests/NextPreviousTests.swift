import Cron
import Foundation
import Testing

/// Boundaries of `next`, `previous` and `upcoming`.
@Suite struct NextPreviousTests {
    let everyHour = try! CronExpression("0 * * * *")

    @Test func nextIsStrictlyAfterAFireTime() {
        let fire = instant("2026-05-01T10:00:00Z")
        #expect(iso(everyHour.next(after: fire, in: utc), utc) == "2026-05-01T11:00:00Z")
    }

    @Test func previousIsStrictlyBeforeAFireTime() {
        let fire = instant("2026-05-01T10:00:00Z")
        #expect(iso(everyHour.previous(before: fire, in: utc), utc) == "2026-05-01T09:00:00Z")
    }

    @Test func fractionalSecondsRoundTheRightWay() {
        let justAfter = instant("2026-05-01T10:00:00Z").addingTimeInterval(0.25)
        #expect(iso(everyHour.previous(before: justAfter, in: utc), utc) == "2026-05-01T10:00:00Z")
        let justBefore = instant("2026-05-01T10:00:00Z").addingTimeInterval(-0.25)
        #expect(iso(everyHour.next(after: justBefore, in: utc), utc) == "2026-05-01T10:00:00Z")
    }

    @Test func upcomingIsLazyAndStrictlyIncreasing() throws {
        let cron = try CronExpression("*/7 * * * * *")
        var previous = Date.distantPast
        for date in cron.upcoming(after: instant("2026-05-01T10:00:00Z"), in: utc).prefix(1000) {
            #expect(date > previous)
            previous = date
        }
        // An endless sequence: only reading it computes anything.
        var iterator = cron.upcoming(after: instant("2026-05-01T10:00:00Z"), in: utc).makeIterator()
        #expect(iso(iterator.next(), utc) == "2026-05-01T10:00:07Z")
    }

    @Test func answersStopAtTheEdgesOfTheSupportedYears() throws {
        let cron = try CronExpression("@yearly")
        #expect(iso(cron.next(after: instant("9998-06-01T00:00:00Z"), in: utc), utc) == "9999-01-01T00:00:00Z")
        #expect(cron.next(after: instant("9999-06-01T00:00:00Z"), in: utc) == nil)
        #expect(cron.next(after: Date(timeIntervalSince1970: .infinity), in: utc) == nil)
        // 0001-01-01T00:00:00Z in the proleptic Gregorian calendar (Foundation prints it in the Julian one).
        let firstSupported = Date(timeIntervalSince1970: -62_135_596_800)
        #expect(cron.previous(before: firstSupported.addingTimeInterval(86_400 * 100), in: utc) == firstSupported)
        #expect(cron.previous(before: firstSupported, in: utc) == nil)
        #expect(cron.upcoming(after: instant("9997-06-01T00:00:00Z"), in: utc).map { iso($0, utc) }
            == ["9998-01-01T00:00:00Z", "9999-01-01T00:00:00Z"])
    }

    @Test func previousOfNextIsNotAfterTheStart() throws {
        var generator = ExpressionGenerator(random: SeededRandom(seed: 5))
        var random = SeededRandom(seed: 6)
        for zoneName in PropertyTests.dstZones + ["UTC"] {
            let tz = zone(zoneName)
            for _ in 0..<300 {
                guard let cron = try? CronExpression(generator.next().text) else { continue }
                let start = Date(timeIntervalSince1970: Double.random(in: 0..<4_102_444_800, using: &random).rounded())
                guard let next = cron.next(after: start, in: tz) else { continue }
                let back = try #require(cron.previous(before: next, in: tz))
                #expect(back <= start, "\(cron) in \(zoneName) from \(iso(start, tz))")
            }
        }
    }
}
