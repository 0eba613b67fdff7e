import Foundation
import Testing

/// End-to-end tests of the systemd integration with the real `etl-builder serve`: a real
/// `$NOTIFY_SOCKET` datagram listener and a real `systemd-journald`.
@Suite("systemd integration (real binary)")
struct SystemdIntegrationTests {
    @Test("READY, STATUS, WATCHDOG, RELOADING with MONOTONIC_USEC, READY, STOPPING; SIGTERM exits 0")
    func notifySequence() async throws {
        let listener = try NotifySocketListener()
        let data = try TemporaryDirectory()
        let launched = ContinuousClock.now
        let daemon = try await DaemonProcess.start(environment: [
            "ETL_BUILDER_DATA_DIRECTORY": data.path, "NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "2000000",
        ])
        let ready = try await listener.waitFor { $0.split(separator: "\n").contains("READY=1") }
        print("exec → READY=1: \(ready.at - launched)")
        #expect(ready.message.contains("STATUS="))
        let status = try await listener.waitFor(after: ready.index) { $0.hasPrefix("STATUS=") && $0.contains("armed") }
        #expect(status.message.contains("running"))
        // WatchdogSec=2 s: the scheduler loop pings at least every second.
        let firstPing = try await listener.waitFor(after: ready.index, timeout: .seconds(3)) { $0 == "WATCHDOG=1" }
        let secondPing = try await listener.waitFor(after: firstPing.index, timeout: .seconds(3)) { $0 == "WATCHDOG=1" }
        #expect(secondPing.at - firstPing.at <= .milliseconds(1500))

        kill(daemon.process.processIdentifier, SIGHUP)
        let reloading = try await listener.waitFor(after: secondPing.index, timeout: .seconds(10)) { $0.hasPrefix("RELOADING=1") }
        let stamp = reloading.message.split(separator: "\n").first { $0.hasPrefix("MONOTONIC_USEC=") }
        #expect(stamp.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) } != nil)
        let reloaded = try await listener.waitFor(after: reloading.index, timeout: .seconds(10)) { $0.hasPrefix("READY=1") }
        #expect(reloaded.message.contains("STATUS=configuration reloaded"))

        kill(daemon.process.processIdentifier, SIGTERM)
        _ = try await listener.waitFor(after: reloaded.index, timeout: .seconds(10)) { $0.hasPrefix("STOPPING=1") }
        #expect(try await daemon.waitForExit() == 0)
    }

    @Test("a stalled scheduler loop stops the watchdog pings (debug builds)")
    func stalledSchedulerStopsPings() async throws {
        let listener = try NotifySocketListener()
        let data = try TemporaryDirectory()
        let daemon = try await DaemonProcess.start(environment: [
            "ETL_BUILDER_DATA_DIRECTORY": data.path, "NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "1000000",
            "ETLB_TEST_STALL_SCHEDULER_AFTER_PINGS": "2",
        ])
        _ = try await listener.waitFor { $0.hasPrefix("READY=1") }
        // Pings every 0.5 s until the stall; then none for well over the 1 s watchdog timeout.
        try await Task.sleep(for: .seconds(4))
        #expect(listener.messages.filter { $0.message == "WATCHDOG=1" }.count == 2)
        #expect(try await daemon.stop() == 0)
    }

    @Test("without $NOTIFY_SOCKET the daemon runs as before and sends nothing")
    func withoutServiceManager() async throws {
        let data = try TemporaryDirectory()
        let daemon = try await DaemonProcess.start(environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path, "WATCHDOG_USEC": "1000000"])
        #expect(try await daemon.get("/health").status == 200)
        #expect(try await daemon.stop() == 0)
        #expect(!daemon.stderr.contains("Service manager not notified"))
    }

    @Test("logging.format journal: native entries with fields, read back with journalctl -o json; no secret in them",
          .enabled(if: Journald.isAvailable, "needs root and systemd-journald"))
    func journal() async throws {
        try Journald.ensureRunning()
        let data = try TemporaryDirectory()
        let daemon = try DaemonProcess.launch(
            arguments: ["serve", "--host", "127.0.0.1", "--port", "0"],
            environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path, "ETL_BUILDER_LOGGING_FORMAT": "journal"], workingDirectory: nil)
        let pid = daemon.process.processIdentifier
        let listening = try Journald.entries(matching: "_PID=\(pid)", where: { ($0["MESSAGE"] as? String)?.hasPrefix("Listening on") == true })
        #expect(!listening.isEmpty, "the API's listening line is in the journal")
        #expect(try await daemon.stop() == 0)

        let entries = try Journald.entries(matching: "_PID=\(pid)", where: { ($0["MESSAGE"] as? String) == "Stopped" })
        let starting = try #require(entries.first { ($0["MESSAGE"] as? String)?.hasPrefix("Starting etl-builder") == true })
        #expect(starting["SYSLOG_IDENTIFIER"] as? String == "etl-builder")
        #expect(starting["PRIORITY"] as? String == "6")
        #expect(starting["_TRANSPORT"] as? String == "journal")
        #expect((starting["CODE_FILE"] as? String)?.hasSuffix("Daemon.swift") == true)
        #expect(Int(starting["CODE_LINE"] as? String ?? "") != nil)
        #expect(starting["CODE_FUNC"] as? String == "run()")
        #expect(starting["DATA_DIRECTORY"] as? String == data.path)
        #expect(daemon.stderr.isEmpty, "nothing goes to stderr when logging to the journal")

        let everything = entries.map { $0.description }.joined(separator: "\n")
        for secret in ["initial-admin-password", "jwt-secret", "secrets-key"] {
            let value = try String(contentsOfFile: data.path + "/" + secret, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!everything.contains(value), "the \(secret) never reaches the journal")
        }
    }

    @Test("an execution's status changes and node lines reach the journal with PIPELINE_ID, EXECUTION_ID, NODE_ID, TRIGGER_TYPE",
          .enabled(if: Journald.isAvailable, "needs root and systemd-journald"), .timeLimit(.minutes(2)))
    func executionFieldsInJournal() async throws {
        try Journald.ensureRunning()
        let data = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: data.path + "/files", withIntermediateDirectories: true)
        try "id\n1\n2\n".write(toFile: data.path + "/files/in.csv", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess.launch(
            arguments: ["serve", "--host", "127.0.0.1", "--port", "0"],
            environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path, "ETL_BUILDER_LOGGING_FORMAT": "journal"], workingDirectory: nil)
        let pid = daemon.process.processIdentifier
        let listening = try Journald.entries(matching: "_PID=\(pid)", where: { ($0["MESSAGE"] as? String)?.hasPrefix("Listening on") == true })
        let line = try #require(listening.compactMap { $0["MESSAGE"] as? String }.first { $0.hasPrefix("Listening on") })
        let api = APIClient(base: try #require(URL(string: String(line.dropFirst("Listening on ".count)))))
        try await waitUntilReady(api.base)
        try await api.loginAsInitialAdmin(data: data)
        let created = try await api.json("POST", "/api/v1/pipelines", body: [
            "name": "journal fields",
            "config": [
                "nodes": [
                    ["id": "read", "type": "extractor", "module": "csv", "position": ["x": 0, "y": 0],
                     "description": "input", "config": ["path": "in.csv"]],
                    ["id": "write", "type": "loader", "module": "csv", "position": ["x": 200, "y": 0],
                     "description": "output", "config": ["path": "out.csv"]],
                ],
                "edges": [["source": "read", "target": "write"]],
            ],
        ])
        let pipelineID = try #require(created["id"] as? String)
        let execution = try await api.json("POST", "/api/v1/pipelines/\(pipelineID)/execute", body: ["params": [:]])
        let executionID = try #require(execution["execution_id"] as? String)

        let entries = try Journald.entries(
            matching: "PIPELINE_ID=\(pipelineID)", where: { ($0["MESSAGE"] as? String) == "Execution success" })
        #expect(try await daemon.stop() == 0)
        let messages = entries.compactMap { $0["MESSAGE"] as? String }
        #expect(messages.contains("Execution running") && messages.contains("Execution success"))
        for entry in entries {
            #expect(entry["EXECUTION_ID"] as? String == executionID)
            #expect(entry["TRIGGER_TYPE"] as? String == "manual")
        }
        let nodeIDs = Set(entries.compactMap { $0["NODE_ID"] as? String })
        #expect(nodeIDs == ["read", "write"], "each node's lines carry its NODE_ID")
        let wrote = entries.first { ($0["MESSAGE"] as? String)?.hasPrefix("Wrote 2 rows") == true }
        #expect(wrote?["NODE_ID"] as? String == "write")
    }

    @Test("logging.format auto writes native entries when stderr is the journal stream ($JOURNAL_STREAM)",
          .enabled(if: Journald.isAvailable, "needs root and systemd-journald"))
    func autoDetectsJournalStream() async throws {
        try Journald.ensureRunning()
        let data = try TemporaryDirectory()
        // systemd-cat connects stdout and stderr to journald's stream socket, as systemd does for
        // a service; the shell then names that stream in $JOURNAL_STREAM like systemd.exec(5) says.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-cat")
        process.arguments = [
            "-t", "etl-builder-auto", "sh", "-c",
            "JOURNAL_STREAM=$(stat -L -c %d:%i /proc/self/fd/2) exec \"$0\" serve --host 127.0.0.1 --port 0",
            etlBuilderExecutable().path,
        ]
        process.environment = childEnvironment(["ETL_BUILDER_DATA_DIRECTORY": data.path])
        try process.run()
        let pid = process.processIdentifier
        let entries = try Journald.entries(matching: "_PID=\(pid)", where: { ($0["MESSAGE"] as? String)?.hasPrefix("Listening on") == true })
        kill(pid, SIGTERM)
        process.waitUntilExit()
        let starting = try #require(entries.first { ($0["MESSAGE"] as? String)?.hasPrefix("Starting etl-builder") == true })
        #expect(starting["_TRANSPORT"] as? String == "journal", "native entries, not stdout lines")
        #expect(starting["SYSLOG_IDENTIFIER"] as? String == "etl-builder")
        #expect(process.terminationStatus == 0)
    }
}
