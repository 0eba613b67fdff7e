import API
import Foundation
import SQLiteNIO
import Testing

/// The administration commands, run as a user would: the real binary on a scratch data directory.
@Suite("Command line (real binary)")
struct CommandLineTests {
    @Test("a configuration error exits 78 and names the key, the file line and what is allowed")
    func configErrorFromFile() async throws {
        let directory = try TemporaryDirectory()
        let config = directory.path + "/config.yaml"
        try "server:\n  host: 127.0.0.1\n  port: eighty\n".write(toFile: config, atomically: true, encoding: .utf8)
        for command in [["serve"], ["migrate"], ["user", "reset-password", "admin"]] {
            let result = try await runETLBuilder(command + ["--config", config])
            #expect(result.exitCode == 78, "\(command)")
            #expect(result.stderr.contains("server.port (\(config) line 3)"), "\(result.stderr)")
            #expect(result.stderr.contains("expected an integer in 0-65535"))
        }
    }

    @Test("a configuration error from the environment exits 78 and names the variable")
    func configErrorFromEnvironment() async throws {
        let result = try await runETLBuilder(["serve"], environment: ["ETL_BUILDER_SCHEDULER_OVERLAP_POLICY": "never"])
        #expect(result.exitCode == 78)
        #expect(result.stderr.contains("environment variable ETL_BUILDER_SCHEDULER_OVERLAP_POLICY"))
        #expect(result.stderr.contains("one of allow, forbid, replace, queue"))
    }

    @Test("an unknown key in the file exits 78 with its line; $ETL_BUILDER_CONFIG names the file")
    func unknownKeyViaEnvironmentPath() async throws {
        let directory = try TemporaryDirectory()
        let config = directory.path + "/config.yaml"
        try "logging:\n  level: info\n  colour: true\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try await runETLBuilder(["serve"], environment: ["ETL_BUILDER_CONFIG": config])
        #expect(result.exitCode == 78)
        #expect(result.stderr.contains("logging.colour (\(config) line 3): unknown key"))
    }

    @Test("a missing --config file exits 78 naming it")
    func missingConfigFile() async throws {
        let result = try await runETLBuilder(["serve", "--config", "/nonexistent/etl.yaml"])
        #expect(result.exitCode == 78)
        #expect(result.stderr.contains("/nonexistent/etl.yaml"))
    }

    @Test("migrate applies the migrations once; a second run applies nothing")
    func migrateIsIdempotent() async throws {
        let data = try TemporaryDirectory()
        let environment = ["ETL_BUILDER_DATA_DIRECTORY": data.path]
        let first = try await runETLBuilder(["migrate"], environment: environment)
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Applied 0001_initial.sql"))
        let second = try await runETLBuilder(["migrate"], environment: environment)
        #expect(second.exitCode == 0)
        #expect(second.stdout.contains("up to date"))
    }

    @Test("migrate refuses to run while a daemon holds the data directory")
    func migrateUnderRunningDaemon() async throws {
        let data = try TemporaryDirectory()
        let daemon = try await DaemonProcess.start(environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        let result = try await runETLBuilder(["migrate"], environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("already using the data directory"))
        try await daemon.stop()
    }

    @Test("user create reads the password from stdin, refuses duplicates and bad roles")
    func userCreate() async throws {
        let data = try TemporaryDirectory()
        let environment = ["ETL_BUILDER_DATA_DIRECTORY": data.path]
        let created = try await runETLBuilder(
            ["user", "create", "--username", "alice", "--email", "alice@example.com", "--role", "developer", "--password-stdin"],
            environment: environment, stdin: "correct horse battery\n")
        #expect(created.exitCode == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created user alice (developer)"))
        #expect(!created.stdout.contains("correct horse battery"))

        let duplicate = try await runETLBuilder(
            ["user", "create", "--username", "ALICE", "--email", "other@example.com", "--role", "viewer"],
            environment: environment)
        #expect(duplicate.exitCode == 1)
        #expect(duplicate.stderr.contains("username"), "\(duplicate.stderr)")

        let badRole = try await runETLBuilder(
            ["user", "create", "--username", "bob", "--email", "bob@example.com", "--role", "root"], environment: environment)
        #expect(badRole.exitCode != 0)
        #expect(badRole.stderr.contains("root"))
        #expect(badRole.stderr.contains("--role"))

        let weak = try await runETLBuilder(
            ["user", "create", "--username", "carol", "--email", "carol@example.com", "--role", "viewer", "--password-stdin"],
            environment: environment, stdin: "short\n")
        #expect(weak.exitCode == 1)
        #expect(weak.stderr.contains("at least 8 characters"))
    }

    @Test("user create without --password-stdin prints a generated password once")
    func userCreateGeneratedPassword() async throws {
        let data = try TemporaryDirectory()
        let result = try await runETLBuilder(
            ["user", "create", "--username", "dave", "--email", "dave@example.com", "--role", "viewer"],
            environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Password: ") })
        #expect(line.dropFirst("Password: ".count).count == 24)
    }

    @Test("user reset-password changes the hash of an existing user and names an unknown one")
    func resetPassword() async throws {
        let data = try TemporaryDirectory()
        let environment = ["ETL_BUILDER_DATA_DIRECTORY": data.path]
        _ = try await runETLBuilder(
            ["user", "create", "--username", "erin", "--email", "erin@example.com", "--role", "admin", "--password-stdin"],
            environment: environment, stdin: "first-password\n")
        let reset = try await runETLBuilder(["user", "reset-password", "erin", "--password-stdin"], environment: environment, stdin: "second-password\n")
        #expect(reset.exitCode == 0, "\(reset.stderr)")
        #expect(reset.stdout.contains("Password of erin changed"))
        let hash = try await storedPasswordHash(of: "erin", in: data)
        #expect(await Passwords.verify("second-password", hash: hash))
        #expect(await !Passwords.verify("first-password", hash: hash))

        let unknown = try await runETLBuilder(["user", "reset-password", "nobody"], environment: environment)
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderr.contains("no user named 'nobody'"))
    }

    @Test("version prints the product version")
    func version() async throws {
        let result = try await runETLBuilder(["version"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("etl-builder "))
    }
}

/// The bcrypt hash the store holds for `username`, read straight from the SQLite file.
func storedPasswordHash(of username: String, in data: TemporaryDirectory) async throws -> String {
    let connection = try await SQLiteConnection.open(storage: .file(path: data.path + "/etl-builder.sqlite"))
    let rows = try await connection.query("SELECT password_hash FROM users WHERE username = ?", [.text(username)])
    try await connection.close()
    return try #require(rows.first?.column("password_hash")?.string)
}
