import Foundation
import Logging
import SQLiteNIO
import Store
import Testing

/// kill -9 in the middle of a run, then a restart: the interrupted execution is marked failed and
/// the schedule keeps firing. The real binary, a real SQLite store, a real blocking source.
@Suite("Scheduler crash recovery (real binary)")
struct SchedulerCrashTests {
    @Test("an execution running when the daemon is killed is failed as interrupted at restart, and the next slots still fire",
          .timeLimit(.minutes(3)))
    func killDuringRun() async throws {
        let data = try TemporaryDirectory()
        let files = data.path + "/files"
        try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
        // The run reads a FIFO that this test holds open without writing: the extractor blocks in
        // read(2), so the execution is reliably `running` when the daemon is killed.
        #expect(mkfifo(files + "/stream.csv", 0o600) == 0)
        let writer = open(files + "/stream.csv", O_RDWR)
        #expect(writer >= 0)

        let environment = [
            "ETL_BUILDER_DATA_DIRECTORY": data.path,
            // One worker: a run blocked in read(2) holds one thread; the scheduler keeps the rest.
            "ETL_BUILDER_SCHEDULER_MAX_CONCURRENT_EXECUTIONS": "1",
            "ETL_BUILDER_SCHEDULER_SHUTDOWN_GRACE_SECONDS": "5",
        ]
        let migrated = try await runETLBuilder(["migrate"], environment: environment)
        #expect(migrated.exitCode == 0, "\(migrated.stderr)")
        try await createEverySecondPipeline(in: data)

        let first = try await DaemonProcess.start(environment: environment)
        let interrupted = try await waitForRow(in: data, "SELECT id FROM executions WHERE status = 'running'")
        #expect(try await first.stop(signal: SIGKILL) == 9 || first.process.terminationReason == .uncaughtSignal)
        let firedBeforeCrash = try await count(in: data, "SELECT count(*) AS n FROM executions WHERE trigger_type = 'scheduled'")

        let second = try await DaemonProcess.start(environment: environment)
        let failed = try await waitForRow(
            in: data, "SELECT error_message FROM executions WHERE id = ? AND status = 'failed'", [.text(interrupted)])
        #expect(failed.contains("interrupted by daemon restart"))
        // New slots after the restart: more scheduled rows than there were at the crash.
        _ = try await waitForRow(
            in: data, "SELECT count(*) AS n FROM executions WHERE trigger_type = 'scheduled' HAVING count(*) > ?",
            [.integer(firedBeforeCrash)])

        // Later runs must not block in open(2) on a FIFO nobody writes: put a plain file in its
        // place. Then end the stream: the blocked run reads EOF and finishes; the daemon stops cleanly.
        #expect(unlink(files + "/stream.csv") == 0)
        try "id\n1\n".write(toFile: files + "/stream.csv", atomically: true, encoding: .utf8)
        close(writer)
        #expect(try await second.stop() == 0, "\(second.stderr)")
    }

    private func createEverySecondPipeline(in data: TemporaryDirectory) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let store = try await SQLiteMetadataStore.open(
            path: data.path + "/etl-builder.sqlite", cipher: try SecretCipher(key: SecretCipher.generateKey()), logger: logger)
        let config = #"""
            {"nodes": [
              {"id": "read", "type": "extractor", "module": "csv", "position": {"x": 0, "y": 0}, "config": {"path": "stream.csv"}},
              {"id": "write", "type": "loader", "module": "csv", "position": {"x": 200, "y": 0}, "config": {"path": "out-${execution.id}.csv"}}
            ],
            "edges": [{"source": "read", "target": "write"}]}
            """#
        do {
            _ = try await store.createPipeline(NewPipeline(
                name: "every second", status: .active, config: config, schedule: "* * * * * *", scheduleTimezone: "UTC",
                isScheduled: true, policy: PipelinePolicy(overlapPolicy: .allow, maxActiveRuns: 100)))
        } catch {
            try await store.close()
            throw error
        }
        try await store.close()
    }

    /// Polls `sql` until it returns a row; returns the row's first column as text.
    private func waitForRow(in data: TemporaryDirectory, _ sql: String, _ binds: [SQLiteData] = []) async throws -> String {
        while true {
            let connection = try await SQLiteConnection.open(storage: .file(path: data.path + "/etl-builder.sqlite"))
            let rows = try await connection.query(sql, binds)
            try await connection.close()
            if let row = rows.first, let value = row.columns.first?.data {
                return value.string ?? value.description
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    private func count(in data: TemporaryDirectory, _ sql: String) async throws -> Int {
        Int(try await waitForRow(in: data, sql)) ?? 0
    }
}
