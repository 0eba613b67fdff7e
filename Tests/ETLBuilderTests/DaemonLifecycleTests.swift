import API
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SQLiteNIO
import Testing

/// End-to-end tests of `etl-builder serve`: the real binary, real files, real HTTP over loopback.
@Suite("Daemon lifecycle (real binary)")
struct DaemonLifecycleTests {
    @Test("a fresh start serves /health, migrates, writes the initial admin password and keys with mode 0600, and SIGTERM exits 0")
    func freshStart() async throws {
        let data = try TemporaryDirectory()
        let daemon = try await DaemonProcess.start(environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])

        let health = try await daemon.get("/health")
        #expect(health.status == 200)
        let body = try JSONSerialization.jsonObject(with: health.body) as? [String: String]
        #expect(body?["status"] == "healthy")
        #expect(body?["version"]?.isEmpty == false)
        #expect(try await daemon.get("/health/live").status == 200)
        try await waitUntilReady(daemon)

        for name in ["initial-admin-password", "jwt-secret", "secrets-key"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: data.path + "/" + name)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name) must be readable by the daemon's user only")
        }
        let password = try String(contentsOfFile: data.path + "/initial-admin-password", encoding: .utf8)
        #expect(password.trimmingCharacters(in: .whitespacesAndNewlines).count >= 16)
        #expect(daemon.stderr.contains("initial-admin-password"), "the log says where the password is")
        let adminHash = try await storedPasswordHash(of: "admin", in: data)
        #expect(await Passwords.verify(password.trimmingCharacters(in: .whitespacesAndNewlines), hash: adminHash))
        #expect(!daemon.stderr.contains(password.trimmingCharacters(in: .whitespacesAndNewlines)), "the password is never logged")

        #expect(try await daemon.stop(signal: SIGTERM) == 0)
        #expect(daemon.stderr.contains("Stopped"))
    }

    @Test("SIGINT stops the daemon gracefully with exit code 0")
    func sigint() async throws {
        let data = try TemporaryDirectory()
        let daemon = try await DaemonProcess.start(environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        try await waitUntilReady(daemon)
        #expect(try await daemon.stop(signal: SIGINT) == 0)
    }

    @Test("a restart keeps the first admin: the password file is not rewritten")
    func restartKeepsAdmin() async throws {
        let data = try TemporaryDirectory()
        let first = try await DaemonProcess.start(environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        try await waitUntilReady(first)
        try await first.stop()
        let password = try String(contentsOfFile: data.path + "/initial-admin-password", encoding: .utf8)
        try FileManager.default.removeItem(atPath: data.path + "/initial-admin-password")

        let second = try await DaemonProcess.start(environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        try await waitUntilReady(second)
        try await second.stop()
        #expect(!FileManager.default.fileExists(atPath: data.path + "/initial-admin-password"))
        #expect(!password.isEmpty)
    }

    @Test("a second daemon on the same data directory refuses to start and says who holds it")
    func secondDaemonRefused() async throws {
        let data = try TemporaryDirectory()
        let first = try await DaemonProcess.start(environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        let second = try await runETLBuilder(
            ["serve", "--port", "0"], environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        #expect(second.exitCode == 1)
        #expect(second.stderr.contains("already using the data directory \(data.path)"))
        #expect(second.stderr.contains("pid \(first.process.processIdentifier)"))
        #expect(try await first.stop() == 0)
    }

    @Test("keys come from $CREDENTIALS_DIRECTORY when systemd provides them; nothing is generated")
    func credentialsDirectory() async throws {
        let data = try TemporaryDirectory()
        let credentials = try TemporaryDirectory()
        try String(repeating: "k", count: 48).write(toFile: credentials.path + "/jwt-secret", atomically: true, encoding: .utf8)
        try Data(repeating: 7, count: 32).base64EncodedString().write(
            toFile: credentials.path + "/secrets-key", atomically: true, encoding: .utf8)
        let daemon = try await DaemonProcess.start(environment: [
            "ETL_BUILDER_DATA_DIRECTORY": data.path, "CREDENTIALS_DIRECTORY": credentials.path,
        ])
        try await waitUntilReady(daemon)
        try await daemon.stop()
        #expect(!FileManager.default.fileExists(atPath: data.path + "/jwt-secret"))
        #expect(!FileManager.default.fileExists(atPath: data.path + "/secrets-key"))
        #expect(daemon.stderr.contains("jwt-secret from systemd credential"))
    }

    @Test("a malformed key credential stops the daemon with a message naming the file")
    func badCredential() async throws {
        let data = try TemporaryDirectory()
        let credentials = try TemporaryDirectory()
        try "short".write(toFile: credentials.path + "/jwt-secret", atomically: true, encoding: .utf8)
        let result = try await runETLBuilder(
            ["serve", "--port", "0"],
            environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path, "CREDENTIALS_DIRECTORY": credentials.path])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("\(credentials.path)/jwt-secret"))
        #expect(result.stderr.contains("at least 32 bytes"))
    }

    @Test("a migration whose text changed after it was applied stops the daemon, naming the file")
    func tamperedMigration() async throws {
        let data = try TemporaryDirectory()
        let migrate = try await runETLBuilder(["migrate"], environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        #expect(migrate.exitCode == 0, "\(migrate.stderr)")

        // What the daemon sees when 0001_initial.sql was edited after it was applied: the
        // recorded checksum no longer matches the embedded file's.
        let connection = try await SQLiteConnection.open(storage: .file(path: data.path + "/etl-builder.sqlite"))
        _ = try await connection.query("UPDATE schema_migrations SET checksum = ? WHERE version = 1", [.text(String(repeating: "0", count: 64))])
        try await connection.close()

        let result = try await runETLBuilder(["serve", "--port", "0"], environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("0001_initial.sql"))
        let again = try await runETLBuilder(["migrate"], environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        #expect(again.exitCode == 1)
        #expect(again.stderr.contains("0001_initial.sql"))
    }

    @Test("/health/ready answers 503 with the API error body while the store is not ready")
    func readyBeforeStore() async throws {
        // Another connection holds the write lock of the (WAL) store file, so the daemon's first
        // migration waits on the busy timeout and readiness stays false meanwhile.
        let data = try TemporaryDirectory()
        let blocker = try await SQLiteConnection.open(storage: .file(path: data.path + "/etl-builder.sqlite"))
        _ = try await blocker.query("PRAGMA journal_mode = WAL", [])
        _ = try await blocker.query("BEGIN EXCLUSIVE", [])
        let daemon = try await DaemonProcess.start(environment: [
            "ETL_BUILDER_DATA_DIRECTORY": data.path, "ETL_BUILDER_STORE_BUSY_TIMEOUT_MS": "60000",
        ])
        let ready = try await daemon.get("/health/ready")
        #expect(ready.status == 503)
        let body = try #require(try JSONSerialization.jsonObject(with: ready.body) as? [String: String])
        #expect(body["error_code"] == "NOT_READY")
        #expect(body["detail"] != nil)
        #expect(body["timestamp"] != nil)
        #expect(try await daemon.get("/health").status == 200, "liveness does not depend on the store")

        _ = try await blocker.query("ROLLBACK", [])
        try await blocker.close()
        try await waitUntilReady(daemon)
        #expect(try await daemon.stop() == 0)
    }
}

/// Polls `/health/ready` until it answers 200.
func waitUntilReady(_ daemon: DaemonProcess, timeout: Duration = .seconds(30)) async throws {
    try await waitUntilReady(daemon.baseURL, timeout: timeout, diagnostics: daemon.stderr)
}

/// Polls `/health/ready` of the daemon at `base` until it answers 200.
func waitUntilReady(_ base: URL, timeout: Duration = .seconds(30), diagnostics: @autoclosure () -> String = "") async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        let ready = try? await URLSession.shared.data(from: base.appendingPathComponent("/health/ready"))
        if (ready?.1 as? HTTPURLResponse)?.statusCode == 200 { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("daemon not ready in time:\n\(diagnostics())")
    throw CancellationError()
}

@Suite("Daemon log output (real binary)")
struct DaemonLogOutputTests {
    @Test("logging.format json writes one JSON object per line with level and message")
    func jsonLines() async throws {
        let data = try TemporaryDirectory()
        let daemon = try await DaemonProcess.start(environment: [
            "ETL_BUILDER_DATA_DIRECTORY": data.path, "ETL_BUILDER_LOGGING_FORMAT": "json",
        ])
        try await waitUntilReady(daemon)
        try await daemon.stop()
        let lines = daemon.stderr.split(separator: "\n").filter { !$0.isEmpty }
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], "\(line)")
            #expect(object["level"] != nil)
            #expect(object["message"] != nil)
            #expect(object["timestamp"] != nil)
        }
        #expect(lines.contains { $0.contains("Listening on http://") })
    }
}
