import Cron
import Testing

/// Every class of parse error, with the field, text and column it reports.
@Suite struct ErrorTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var expression: String
        var kind: CronParseError.Kind
        var description: String
        var testDescription: String { "\(expression) → \(description)" }
    }

    static let rows: [Row] = [
        Row(expression: "", kind: .empty, description: "the expression is empty (column 1)"),
        Row(expression: "   ", kind: .empty, description: "the expression is empty (column 1)"),
        Row(expression: "* * * *", kind: .fieldCount,
            description: "expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, found 4 (column 8)"),
        Row(expression: "0 0 0 1 1 * 2026", kind: .fieldCount,
            description: "expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, found 7 (column 13)"),
        Row(expression: "CRON_TZ=Europe/Paris", kind: .fieldCount,
            description: "expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, found 0 (column 21)"),
        Row(expression: "@reboot", kind: .unknownMacro,
            description: "@reboot is not a supported macro; use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly (column 1)"),
        Row(expression: "@daily 5", kind: .fieldCount, description: "unexpected 5 after @daily (column 8)"),
        Row(expression: "TZ=Mars/Olympus 0 0 * * *", kind: .unknownTimeZone, description: "time zone: Mars/Olympus is not a known IANA time zone (column 4)"),
        Row(expression: "CRON_TZ= 0 0 * * *", kind: .unknownTimeZone, description: "time zone: the time zone name is missing (column 9)"),
        Row(expression: "0 0 24 * * *", kind: .outOfRange, description: "hour: 24 is out of range 0-23 (column 5)"),
        Row(expression: "60 * * * * *", kind: .outOfRange, description: "second: 60 is out of range 0-59 (column 1)"),
        Row(expression: "1-60 * * * *", kind: .outOfRange, description: "minute: 60 is out of range 0-59 (column 3)"),
        Row(expression: "0 0 0 * *", kind: .outOfRange, description: "day-of-month: 0 is out of range 1-31 (column 5)"),
        Row(expression: "0 0 * 13 *", kind: .outOfRange, description: "month: 13 is out of range 1-12 (column 7)"),
        Row(expression: "0 0 * * 8", kind: .outOfRange, description: "day-of-week: 8 is out of range 0-7 (column 9)"),
        Row(expression: "0 0 * * 1#6", kind: .outOfRange, description: "day-of-week: 6 is out of range 1-5 (column 11)"),
        Row(expression: "0 0 L-31 * *", kind: .outOfRange, description: "day-of-month: 31 is out of range 0-30 (column 7)"),
        Row(expression: "0 0 32W * *", kind: .outOfRange, description: "day-of-month: 32 is out of range 1-31 (column 5)"),
        Row(expression: "0 0 99999999999999999999 * *", kind: .outOfRange,
            description: "day-of-month: 99999999999999999999 is out of range 1-31 (column 5)"),
        Row(expression: "x * * * *", kind: .invalidValue, description: "minute: x is not a number (column 1)"),
        Row(expression: "0 0 * FOO *", kind: .invalidValue, description: "month: FOO is not a number or a name like JAN (column 7)"),
        Row(expression: "0 0 * * MONDAY", kind: .invalidValue, description: "day-of-week: MONDAY is not a number or a name like SUN (column 9)"),
        Row(expression: "1,,2 * * * *", kind: .invalidValue, description: "minute: a value is missing (column 3)"),
        Row(expression: "5- * * * *", kind: .invalidValue, description: "minute: a value is missing (column 3)"),
        Row(expression: "*/0 * * * *", kind: .invalidStep, description: "minute: step 0 is out of range 1-60 (column 3)"),
        Row(expression: "0 */25 * * *", kind: .invalidStep, description: "hour: step 25 is out of range 1-24 (column 5)"),
        Row(expression: "*/ * * * *", kind: .invalidStep, description: "minute: the step after / is missing (column 3)"),
        Row(expression: "*/x * * * *", kind: .invalidStep, description: "minute: step x is not a number (column 3)"),
        Row(expression: "30-10 * * * *", kind: .invalidRange, description: "minute: range 30-10 goes backwards (column 1)"),
        Row(expression: "0 0 * DEC-JAN *", kind: .invalidRange, description: "month: range DEC-JAN goes backwards (column 7)"),
        Row(expression: "? * * * *", kind: .misplacedSymbol, description: "minute: ? is only allowed in day-of-month and day-of-week (column 1)"),
        Row(expression: "0 0 1,? * *", kind: .misplacedSymbol, description: "day-of-month: ? must be the whole field (column 7)"),
        Row(expression: "0 L * * *", kind: .misplacedSymbol, description: "hour: L is only allowed in day-of-month and day-of-week (column 3)"),
        Row(expression: "0 0 5W * 1W", kind: .invalidValue, description: "day-of-week: 1W is not a number or a name like SUN (column 10)"),
        Row(expression: "0 3W * * *", kind: .misplacedSymbol, description: "hour: W is only allowed in day-of-month (column 3)"),
        Row(expression: "0 0 1#2 * *", kind: .misplacedSymbol, description: "day-of-month: # is only allowed in day-of-week (column 5)"),
        Row(expression: "0 0 * * L", kind: .misplacedSymbol, description: "day-of-week: L in day-of-week needs a weekday before it, e.g. 5L or FRIL (column 9)"),
        Row(expression: "0 0 30 2 *", kind: .neverFires, description: "day-of-month: 30 never falls in FEB, so the expression never fires (column 5)"),
        Row(expression: "0 0 31 4 *", kind: .neverFires, description: "day-of-month: 31 never falls in APR, so the expression never fires (column 5)"),
        Row(expression: "0 0 31 4,6,9,11 *", kind: .neverFires,
            description: "day-of-month: 31 never falls in APR, JUN, SEP, NOV, so the expression never fires (column 5)"),
        Row(expression: "0 0 30W 2 ?", kind: .neverFires, description: "day-of-month: 30W never falls in FEB, so the expression never fires (column 5)"),
        Row(expression: "CRON_TZ=UTC 0 0 30 2 *", kind: .neverFires,
            description: "day-of-month: 30 never falls in FEB, so the expression never fires (column 17)"),
    ]

    @Test(arguments: rows)
    func rejectsWithFieldTextAndColumn(_ row: Row) {
        #expect(throws: CronParseError.self) { try CronExpression(row.expression) }
        do {
            _ = try CronExpression(row.expression)
        } catch {
            #expect(error.kind == row.kind)
            #expect(error.description == row.description)
            #expect(error.code == row.kind.rawValue)
        }
    }

    @Test func errorCarriesItsPartsSeparately() {
        do {
            _ = try CronExpression("0 0 24 * * *")
            Issue.record("accepted an hour of 24")
        } catch {
            #expect(error == CronParseError(kind: .outOfRange, field: "hour", text: "24", column: 5, message: "24 is out of range 0-23"))
        }
    }

    @Test func everyErrorKindIsCoveredByTheTable() {
        #expect(Set(Self.rows.map(\.kind)) == Set(CronParseError.Kind.allCases))
    }

    @Test func rareButPossibleDaysAreAccepted() throws {
        // February 29th, the fifth Monday of February, the weekday nearest the 29th of February.
        for text in ["0 0 29 2 *", "0 0 ? 2 1#5", "0 0 29W 2 ?", "0 0 L-28 2 *"] {
            _ = try CronExpression(text)
        }
    }
}
