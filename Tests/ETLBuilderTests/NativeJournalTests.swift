import Foundation
import Logging
import Testing
import Systemd

@Suite("NativeJournalSink against a real systemd-journald", .enabled(if: Journald.isAvailable, "needs root and systemd-journald"))
struct NativeJournalTests {
    @Test("entries written through sd_journal_sendv are read back by journalctl with their fields, multi-line values intact")
    func roundTrip() throws {
        try Journald.ensureRunning()
        let run = UUID().uuidString
        let logger = Logger(label: "etl-builder.test") { label in
            JournalLogHandler(label: label, identifier: "etl-builder-test", metadataProvider: nil)
        }
        logger.error("Node failed:\nline two", metadata: ["test_run": "\(run)", "pipeline_id": "p-42", "password": "hunter2"])
        let entries = try Journald.entries(matching: "TEST_RUN=\(run)", where: { _ in true })
        let entry = try #require(entries.first)
        #expect(entry["MESSAGE"] as? String == "Node failed:\nline two")
        #expect(entry["PRIORITY"] as? String == "3")
        #expect(entry["SYSLOG_IDENTIFIER"] as? String == "etl-builder-test")
        #expect(entry["PIPELINE_ID"] as? String == "p-42")
        #expect(entry["CODE_FUNC"] as? String == "roundTrip()")
        #expect(entry["_TRANSPORT"] as? String == "journal")
        #expect(entry["PASSWORD"] as? String == JournalRedaction.replacement)
        #expect(!entries.description.contains("hunter2"))
    }
}
