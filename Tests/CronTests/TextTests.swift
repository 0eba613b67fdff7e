import Cron
import Testing

/// The normalized form and the English explanation.
@Suite struct TextTests {
    @Test(arguments: [
        ("@daily", "0 0 * * *"),
        ("@hourly", "0 * * * *"),
        ("@weekly", "0 0 * * 0"),
        ("0 0 * * 7", "0 0 * * 0"),
        ("0 0 * jan,FEB,mar * ", "0 0 * 1-3 *"),
        ("0,15,30,45 * * * *", "*/15 * * * *"),
        ("5/15 * * * *", "5-50/15 * * * *"),
        ("1,2,3,5 * * * *", "1-3,5 * * * *"),
        ("0 0-23 * * *", "0 0-23 * * *"),
        ("0 */12 * * *", "0 */12 * * *"),
        ("0 0 ? * MON-FRI", "0 0 * * 1-5"),
        ("0 0 1-31 * *", "0 0 1-31 * *"),
        ("0 0 */2 * *", "0 0 1-31/2 * *"),
        ("0 0 L,LW,L-3,15W * *", "0 0 L,L-3,LW,15W * *"),
        ("0 0 * * FRIL,1#2", "0 0 * * 5L,1#2"),
        ("0 0 * * * *", "0 * * * *"),
        ("*/10 * * * * *", "*/10 * * * * *"),
        ("TZ=Europe/Paris 30 2 * * *", "CRON_TZ=Europe/Paris 30 2 * * *"),
    ])
    func descriptionIsTheNormalizedForm(_ text: String, _ normalized: String) throws {
        #expect(try CronExpression(text).description == normalized)
    }

    @Test func descriptionParsesBackToAnEqualExpression() throws {
        var generator = ExpressionGenerator(random: SeededRandom(seed: 99))
        for _ in 0..<2000 {
            let text = generator.next().text
            guard let cron = try? CronExpression(text) else { continue }
            let reparsed = try CronExpression(cron.description)
            #expect(reparsed == cron, "\(text) → \(cron.description)")
            #expect(reparsed.isFixedHour == cron.isFixedHour, "\(text)")
        }
    }

    @Test(arguments: [
        ("0 2 * * *", "At 02:00 on every day"),
        ("30 2 * * *", "At 02:30 on every day"),
        ("0 9,17 * * MON-FRI", "At 09:00 and 17:00 on Monday through Friday"),
        ("*/15 * * * *", "Every 15 minutes on every day"),
        ("* * * * *", "Every minute on every day"),
        ("0 * * * *", "At minute 0 of every hour on every day"),
        ("0 */2 * * *", "At minute 0 during every 2nd hour on every day"),
        ("*/15 9-17 * * 1-5", "Every 15 minutes during hours 9 through 17 on Monday through Friday"),
        ("10-20 3 * * *", "Every minute from 10 through 20 during hour 3 on every day"),
        ("0,30 8 * * *", "At minutes 0 and 30 during hour 8 on every day"),
        ("30 0 0 1 1 *", "At 00:00:30 on day 1 of the month in January"),
        ("*/10 * * * * *", "Every 10 seconds on every day"),
        ("0 0 L * *", "At 00:00 on the last day of the month"),
        ("0 0 L-2 * *", "At 00:00 on 2 days before the last day of the month"),
        ("0 0 LW * *", "At 00:00 on the last weekday of the month"),
        ("0 0 15W * *", "At 00:00 on the weekday nearest day 15 of the month"),
        ("0 0 * * 5L", "At 00:00 on the last Friday of the month"),
        ("0 0 * * 2#3", "At 00:00 on the 3rd Tuesday of the month"),
        ("0 0 1,15 * 1", "At 00:00 on days 1 and 15 of the month or Monday"),
        ("0 12 * JUN-AUG SAT,SUN", "At 12:00 on Sunday and Saturday in June through August"),
        ("CRON_TZ=Asia/Tokyo 0 9 * * *", "At 09:00 on every day, Asia/Tokyo time"),
    ])
    func explanationReadsAsEnglish(_ text: String, _ english: String) throws {
        #expect(try CronExpression(text).explanation == english)
    }
}
