import Foundation
import TestProcesses
import Testing

/// The API document's example pipeline, as written there — `postgres` extractor with
/// `SELECT * FROM users WHERE created_at > :start_date` → `cleaner` removing duplicate emails →
/// `s3` loader to `data-lake/processed/users/` as Parquet, S3 credentials from the standard AWS
/// environment — created and executed through the API of the real daemon, against the real
/// PostgreSQL and S3 servers `scripts/test` starts; pyarrow reads the object back.
@Suite("The document's example pipeline (real binary, PostgreSQL, S3, pyarrow)")
struct DocumentExamplePipelineTests {
    @Test("postgres → cleaner → s3/parquet: exactly the deduplicated rows with exact types; logs and metrics count the duplicates",
          .timeLimit(.minutes(3)))
    func postgresCleanerS3Parquet() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let postgres = environment["ETLB_TEST_POSTGRES_URL"].flatMap(URLComponents.init(string:)),
              let s3 = environment["ETLB_TEST_S3_URL"], !s3.isEmpty
        else {
            Issue.record("ETLB_TEST_POSTGRES_URL and ETLB_TEST_S3_URL must be set: run scripts/test (it starts both servers)")
            return
        }
        // The document's query names `users`: each run gets its own schema through search_path.
        let schema = "doc_example_\(UInt32.random(in: 0...UInt32.max))"
        try PostgresCommandTests.psql("""
            CREATE SCHEMA \(schema);
            CREATE TABLE \(schema).users (id integer PRIMARY KEY, email text NOT NULL, full_name text, created_at timestamptz NOT NULL, score numeric(6,2));
            INSERT INTO \(schema).users VALUES
              (1, 'old@example.com',  'Old One',   '2024-12-31 23:00:00+00', 1.00),
              (2, 'ann@example.com',  'Ann',       '2025-01-16 08:30:00+00', 12.50),
              (3, 'bob@example.com',  'Bob',       '2025-01-17 09:00:00.125+00', NULL),
              (4, 'ann@example.com',  'Ann again', '2025-01-18 10:00:00+00', 99.99),
              (5, 'cy@example.com',   NULL,        '2025-01-19 11:00:00+00', -3.25),
              (6, 'early@example.com','Early',     '2025-01-10 00:00:00+00', 5.00);
            """)
        defer { try? PostgresCommandTests.psql("DROP SCHEMA \(schema) CASCADE") }
        let bucketPrefix = "processed/users/"
        try S3Objects.run(endpoint: s3, "ensure-bucket", "data-lake")

        let data = try TemporaryDirectory()
        let daemon = try await DaemonProcess.start(environment: [
            "ETL_BUILDER_DATA_DIRECTORY": data.path, "AWS_ACCESS_KEY_ID": "etlb-test", "AWS_SECRET_ACCESS_KEY": "etlb-test-secret",
            "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": s3,
        ])
        try await waitUntilReady(daemon)
        let api = APIClient(base: daemon.baseURL)
        try await api.loginAsInitialAdmin(data: data)

        let connection = try await api.json("POST", "/api/v1/connections", body: [
            "name": "users-db", "type": "postgres",
            "config": [
                "host": postgres.host ?? "", "port": postgres.port ?? 0, "database": "etlb", "username": "etlb", "password": "etlb",
                "options": "-c search_path=\(schema)",
            ],
        ])
        let connectionID = try #require(connection["id"] as? String)
        let tested = try await api.json("POST", "/api/v1/connections/\(connectionID)/test")
        #expect(tested["status"] as? String == "success", "\(tested)")

        // The document's request, with the real connection id.
        let created = try await api.json("POST", "/api/v1/pipelines", body: [
            "name": "New Data Pipeline", "description": "Pipeline description",
            "config": [
                "nodes": [
                    ["id": "node-1", "type": "extractor", "module": "postgres", "position": ["x": 100, "y": 100],
                     "config": ["connection_id": connectionID, "query": "SELECT * FROM users WHERE created_at > :start_date"]],
                    ["id": "node-2", "type": "transformer", "module": "cleaner", "position": ["x": 300, "y": 100],
                     "config": ["remove_duplicates": true, "columns": ["email"]]],
                    ["id": "node-3", "type": "loader", "module": "s3", "position": ["x": 500, "y": 100],
                     "config": ["bucket": "data-lake", "path": bucketPrefix, "format": "parquet"]],
                ],
                "edges": [["source": "node-1", "target": "node-2"], ["source": "node-2", "target": "node-3"]],
            ],
            "schedule": "0 2 * * *", "tags": ["users", "daily"], "default_params": ["start_date": "2025-01-01"],
        ])
        let pipelineID = try #require(created["id"] as? String)
        let started = try await api.json(
            "POST", "/api/v1/pipelines/\(pipelineID)/execute", body: ["params": ["start_date": "2025-01-15", "end_date": "2025-01-20"]])
        let executionID = try #require(started["execution_id"] as? String)

        var execution: [String: Any] = [:]
        while true {
            execution = try await api.json("GET", "/api/v1/executions/\(executionID)")
            if let status = execution["status"] as? String, ["success", "failed", "cancelled"].contains(status) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(execution["status"] as? String == "success", "\(execution)")
        #expect(execution["rows_processed"] as? Int == 3)

        let logs = try await api.json("GET", "/api/v1/executions/\(executionID)/logs")
        let lines = (logs["logs"] as? [[String: Any]]) ?? []
        #expect(lines.contains { $0["node_id"] as? String == "node-2" && $0["message"] as? String == "Removed 1 duplicate rows" }, "\(lines)")
        let metrics = try await api.json("GET", "/api/v1/executions/\(executionID)/metrics")
        let cleaner = ((metrics["nodes"] as? [[String: Any]]) ?? []).first { $0["node_id"] as? String == "node-2" }
        #expect(cleaner?["rows_input"] as? Int == 4 && cleaner?["rows_output"] as? Int == 3 && cleaner?["rows_filtered"] as? Int == 1)
        #expect(try await daemon.stop() == 0)

        let object = try S3Objects.parquet(endpoint: s3, bucket: "data-lake", prefix: bucketPrefix, containing: executionID)
        #expect(object["schema"] as? [String] == [
            "id: int32", "email: string", "full_name: string", "created_at: timestamp[us, tz=UTC]", "score: decimal128(6, 2)",
        ])
        #expect(object["rows"] as? [[String]] == [
            ["2", "ann@example.com", "Ann", "2025-01-16 08:30:00+00:00", "12.50"],
            ["3", "bob@example.com", "Bob", "2025-01-17 09:00:00.125000+00:00", "None"],
            ["5", "cy@example.com", "None", "2025-01-19 11:00:00+00:00", "-3.25"],
        ])
    }
}

/// The S3 side of the end-to-end tests, through boto3 (installed with moto) and pyarrow.
enum S3Objects {
    static let script = #"""
        import io, json, sys
        import boto3, pyarrow.parquet as pq
        endpoint, command = sys.argv[1], sys.argv[2]
        s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                          aws_access_key_id="etlb-test", aws_secret_access_key="etlb-test-secret")
        if command == "ensure-bucket":
            if sys.argv[3] not in [b["Name"] for b in s3.list_buckets().get("Buckets", [])]:
                s3.create_bucket(Bucket=sys.argv[3])
        elif command == "parquet":
            bucket, prefix, needle = sys.argv[3], sys.argv[4], sys.argv[5]
            keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", []) if needle in o["Key"]]
            assert len(keys) == 1 and keys[0].endswith(".parquet"), keys
            table = pq.read_table(io.BytesIO(s3.get_object(Bucket=bucket, Key=keys[0])["Body"].read()))
            rows = sorted(table.to_pylist(), key=lambda r: r["id"])
            print(json.dumps({"key": keys[0], "schema": [f"{f.name}: {f.type}" for f in table.schema],
                              "rows": [[str(r[f.name]) for f in table.schema] for r in rows]}))
        """#

    @discardableResult
    static func run(endpoint: String, _ arguments: String...) throws -> [String: Any] {
        let result = try ChildProcess.run("python3", ["-c", script, endpoint] + arguments)
        #expect(result.status == 0, "python: \(result.errors)")
        return (try? JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]) ?? [:]
    }

    /// The one Parquet object under `prefix` whose key contains `containing`: its schema and rows.
    static func parquet(endpoint: String, bucket: String, prefix: String, containing: String) throws -> [String: Any] {
        try run(endpoint: endpoint, "parquet", bucket, prefix, containing)
    }
}
