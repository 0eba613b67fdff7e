import Foundation
import TestProcesses
import Testing

/// `etl-builder connection …` and `etl-builder run` against the real PostgreSQL server that
/// `scripts/test` starts (`ETLB_TEST_POSTGRES_URL`).
@Suite("Connections from the command line (real binary, real PostgreSQL)")
struct PostgresCommandTests {
    /// The server's URL; a missing one fails with the way to start it.
    static func serverURL() throws -> URLComponents {
        guard let text = ProcessInfo.processInfo.environment["ETLB_TEST_POSTGRES_URL"], let url = URLComponents(string: text) else {
            Issue.record("ETLB_TEST_POSTGRES_URL is not set: run scripts/test, or scripts/services/postgres.sh start and export it")
            throw CancellationError()
        }
        return url
    }

    /// Runs SQL with psql against the test server.
    static func psql(_ sql: String) throws {
        let result = try ChildProcess.run(
            "/usr/bin/psql", [ProcessInfo.processInfo.environment["ETLB_TEST_POSTGRES_URL"] ?? "", "-v", "ON_ERROR_STOP=1", "-qc", sql])
        #expect(result.status == 0, "psql: \(sql): \(result.errors)")
    }

    @Test("create checks the config, list hides secrets, test really connects, run reads by connection name, delete removes")
    func connectionLifecycle() async throws {
        let url = try Self.serverURL()
        let data = try TemporaryDirectory()
        let environment = ["ETL_BUILDER_DATA_DIRECTORY": data.path, "ETL_BUILDER_LOGGING_LEVEL": "error"]
        let good = #"{"host": "\#(url.host ?? "")", "port": \#(url.port ?? 0), "database": "etlb", "username": "etlb", "password": "etlb"}"#
        let wrongSecret = "wrong-secret-42"
        let bad = good.replacingOccurrences(of: #""password": "etlb""#, with: #""password": "\#(wrongSecret)""#)

        let invalid = try await runETLBuilder(
            ["connection", "create", "--name", "x", "--type", "postgres", "--config", #"{"host": "db", "port": 70000}"#], environment: environment)
        #expect(invalid.exitCode == 1)
        #expect(invalid.stderr.contains("config.port: port must be at most 65535"), "\(invalid.stderr)")
        let incomplete = try await runETLBuilder(
            ["connection", "create", "--name", "x", "--type", "postgres", "--config", #"{"host": "db"}"#], environment: environment)
        #expect(incomplete.exitCode == 1 && incomplete.stderr.contains("config.database: database is required (or give a url)"))
        let unknownType = try await runETLBuilder(
            ["connection", "create", "--name", "x", "--type", "oracle", "--config", "{}"], environment: environment)
        #expect(unknownType.exitCode == 1 && unknownType.stderr.contains(#"unknown connection type "oracle""#))

        for (name, config) in [("warehouse", good), ("broken", bad)] {
            let created = try await runETLBuilder(
                ["connection", "create", "--name", name, "--type", "postgres", "--config", config], environment: environment)
            #expect(created.exitCode == 0, "\(created.stderr)")
            #expect(created.stdout.hasPrefix("Created connection \(name) (postgres), id "))
        }
        let listed = try await runETLBuilder(["connection", "list"], environment: environment)
        #expect(listed.exitCode == 0 && listed.stdout.contains("warehouse") && listed.stdout.contains("broken"))
        #expect(!listed.stdout.contains(wrongSecret))
        let storeBytes = try Data(contentsOf: URL(fileURLWithPath: data.path + "/etl-builder.sqlite"))
        #expect(storeBytes.range(of: Data(wrongSecret.utf8)) == nil, "the password is encrypted at rest")

        let tested = try await runETLBuilder(["connection", "test", "warehouse"], environment: environment)
        #expect(tested.exitCode == 0, "\(tested.stderr)")
        #expect(tested.stdout.contains("warehouse: connection successful in ") && tested.stdout.contains("PostgreSQL 15"))
        let refused = try await runETLBuilder(["connection", "test", "broken"], environment: environment)
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains(#"connection broken failed: authentication failed for user "etlb""#), "\(refused.stderr)")
        #expect(!refused.stderr.contains(wrongSecret))

        let table = "cli_src_\(UInt32.random(in: 0...UInt32.max))"
        try Self.psql("CREATE TABLE \(table) (id int PRIMARY KEY, amount numeric(12,2)); INSERT INTO \(table) VALUES (1, 1.50), (2, 2.25), (3, 3.00)")
        let pipeline = data.path + "/pipeline.json"
        try #"""
            {"name": "pg to csv", "config": {"nodes": [
              {"id": "read", "type": "extractor", "module": "postgres", "config": {"connection_id": "warehouse", "query": "SELECT id, amount FROM \#(table) WHERE id > :min ORDER BY id"}},
              {"id": "write", "type": "loader", "module": "csv", "config": {"path": "out.csv"}}],
             "edges": [{"source": "read", "target": "write"}]}}
            """#.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let ran = try await runETLBuilder(["run", pipeline, "--param", "min=1"], environment: environment)
        #expect(ran.exitCode == 0, "\(ran.stdout)\(ran.stderr)")
        #expect(try String(contentsOfFile: data.path + "/files/out.csv", encoding: .utf8) == "id,amount\n2,2.25\n3,3.00\n")
        try Self.psql("DROP TABLE \(table)")

        let deleted = try await runETLBuilder(["connection", "delete", "warehouse"], environment: environment)
        #expect(deleted.exitCode == 0 && deleted.stdout == "Deleted connection warehouse\n")
        let gone = try await runETLBuilder(["connection", "test", "warehouse"], environment: environment)
        #expect(gone.exitCode == 1 && gone.stderr.contains(#"no connection is named or has the id "warehouse""#))
    }
}
