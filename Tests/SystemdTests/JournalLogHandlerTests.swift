import Logging
import Testing
@testable import Systemd

@Suite("JournalLogHandler: log events as native journal entries")
struct JournalLogHandlerTests {
    private func logger(_ sink: RecordingJournalSink) -> Logger {
        var logger = Logger(label: "etl-builder.scheduler") { label in
            JournalLogHandler(label: label, identifier: "etl-builder", sink: sink, metadataProvider: nil)
        }
        logger.logLevel = .trace
        return logger
    }

    @Test("message, priority, identifier, code location, logger label and metadata as upper-case fields")
    func fields() throws {
        let sink = RecordingJournalSink()
        var logger = logger(sink)
        logger[metadataKey: "request_id"] = "r-1"
        logger.warning("Execution failed", metadata: [
            "pipeline_id": "p-1", "execution_id": "e-1", "node_id": "extract", "trigger_type": "schedule", "user_id": "u-1",
        ])
        let entry = try #require(sink.entries.first)
        #expect(entry["MESSAGE"] == "Execution failed")
        #expect(entry["PRIORITY"] == "4")
        #expect(entry["SYSLOG_IDENTIFIER"] == "etl-builder")
        #expect(entry["CODE_FILE"]?.hasSuffix("JournalLogHandlerTests.swift") == true)
        #expect(entry["CODE_LINE"].flatMap(Int.init) != nil)
        #expect(entry["CODE_FUNC"] == "fields()")
        #expect(entry["LOGGER"] == "etl-builder.scheduler")
        for (field, value) in [("PIPELINE_ID", "p-1"), ("EXECUTION_ID", "e-1"), ("NODE_ID", "extract"),
                               ("TRIGGER_TYPE", "schedule"), ("USER_ID", "u-1"), ("REQUEST_ID", "r-1")] {
            #expect(entry[field] == value, "\(field)")
        }
    }

    @Test("every level maps to its syslog priority")
    func priorities() {
        let expected: [(Logger.Level, Int)] = [
            (.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
        ]
        for (level, priority) in expected { #expect(JournalLogHandler.priority(of: level) == priority) }
    }

    @Test("secret-looking metadata is redacted; keys colliding with the handler's own fields are prefixed")
    func redactionAndCollisions() throws {
        let sink = RecordingJournalSink()
        logger(sink).info("Login", metadata: [
            "password": "hunter2", "jwt_secret": "k", "access_token": "t", "Authorization": "Bearer x", "message": "shadow",
        ])
        let entry = try #require(sink.entries.first)
        #expect(entry["PASSWORD"] == JournalRedaction.replacement)
        #expect(entry["JWT_SECRET"] == JournalRedaction.replacement)
        #expect(entry["ACCESS_TOKEN"] == JournalRedaction.replacement)
        #expect(entry["AUTHORIZATION"] == JournalRedaction.replacement)
        #expect(entry["MESSAGE"] == "Login")
        #expect(entry["META_MESSAGE"] == "shadow")
        #expect(!entry.fields.contains { $0.value.contains("hunter2") || $0.value.contains("Bearer") })
    }

    @Test("metadata keys become valid journal field names", arguments: [
        ("pipeline_id", "PIPELINE_ID"), ("hb.request.id", "HB_REQUEST_ID"), ("_private", "PRIVATE"),
        ("2fa", "F_2FA"), ("data-directory", "DATA_DIRECTORY"), ("é", nil),
    ] as [(String, String?)])
    func fieldNames(key: String, name: String?) {
        #expect(JournalFieldName.from(metadataKey: key) == name)
    }

    @Test("field names are capped at 64 characters")
    func longName() {
        #expect(JournalFieldName.from(metadataKey: String(repeating: "a", count: 100))?.count == 64)
    }
}
