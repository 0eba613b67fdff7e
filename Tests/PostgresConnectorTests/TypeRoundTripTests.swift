import Pipelines
import PostgresClient
import Testing

/// A table with every mapped type, extremes and nulls.
private func createAllTypes(_ workspace: PostgresWorkspace) async throws {
    try await workspace.exec(
        """
        CREATE TABLE \(workspace.table("src")) (
          id bigint PRIMARY KEY, small smallint, regular integer, big bigint, f4 real, f8 double precision,
          amount numeric(12,2), wide numeric(38,10), free numeric, huge numeric(50,4), body text, short varchar(20), fixed char(5),
          flag boolean, day date, at timestamp, at_tz timestamptz, ident uuid, doc json, docb jsonb, raw bytea, addr inet)
        """,
        """
        INSERT INTO \(workspace.table("src")) VALUES
          (1, -32768, -2147483648, -9223372036854775808, 0.1, 1.0000000000000002, -1234567890.12, 1234567890123456789012345678.0123456789,
           123456789012345678901234567890.123456789012345678901234567890, 12345678901234567890123456789012345678901234.5678,
           'Zoë 😀 "quoted", comma', 'varchar', 'ab', true, '2024-02-29', '1999-12-31 23:59:59.999999', '2025-01-20 10:00:00.5+02',
           'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"b": 1,  "a": [1, 2]}', '{"b": 1, "a": [1, 2]}', '\\x00ff10', '10.0.0.1'),
          (2, 32767, 2147483647, 9223372036854775807, 'NaN', '-Infinity', 0.01, -0.0000000001, 'NaN', 0, '', 'x', 'abcde', false,
           '1900-01-01', '2000-01-01 00:00:00', '1970-01-01 00:00:00+00', '00000000-0000-0000-0000-000000000000', 'null', '[]', '\\x', '::1'),
          (3, 0, 0, 0, -0, 'Infinity', 0, 0, -42.500, -1, 'line1
        line2', '', '     ', null, 'infinity', '-infinity', 'infinity', null, null, null, null, null),
          (4, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
        """)
}

@Suite("PostgreSQL type round trips", .serialized)
struct TypeRoundTripTests {
    @Test func everyTypeRoundTripsPostgresToPostgresWithTypesAndKey() async throws {
        let workspace = try await PostgresWorkspace()
        try await createAllTypes(workspace)
        let outcome = try await workspace.copy(
            extractor: ["table": .string("src"), "schema": .string(workspace.schema), "batch_size": 3], into: "dst",
            loader: ["create_table": true])
        #expect(outcome.rowsProcessed == 4)
        var expectedTypes = try await workspace.columnTypes("src")
        expectedTypes[expectedTypes.count - 1] = "addr text"  // inet has no batch type: it travels as text
        #expect(try await workspace.columnTypes("dst") == expectedTypes)
        #expect(try await workspace.primaryKey("dst") == ["id"])
        let (copied, original) = (try await workspace.fingerprint("dst"), try await workspace.fingerprint("src"))
        #expect(copied == original)
        try await workspace.tearDown()
    }

    @Test func queryWithBindsUsesTheCursorPathAndKeepsTypes() async throws {
        let workspace = try await PostgresWorkspace()
        try await createAllTypes(workspace)
        try await workspace.copy(
            extractor: ["query": .string("SELECT * FROM \(workspace.table("src")) WHERE id >= :low ORDER BY id"), "batch_size": 1], into: "dst",
            loader: ["create_table": true], parameters: ["low": 1])
        let (copied, original) = (try await workspace.fingerprint("dst"), try await workspace.fingerprint("src"))
        #expect(copied == original)
        // Every column comes from one table: its key travels too.
        #expect(try await workspace.primaryKey("dst") == ["id"])
        try await workspace.tearDown()
    }

    @Test func postgresToCSVAndJSONLinesKeepsExactValues() async throws {
        let workspace = try await PostgresWorkspace()
        try await workspace.exec(
            "CREATE TABLE \(workspace.table("src")) (id int PRIMARY KEY, amount numeric(12,2), at_tz timestamptz, at timestamp, day date, ident uuid, docb jsonb, raw bytea, body text, flag boolean, big bigint, f8 double precision)",
            """
            INSERT INTO \(workspace.table("src")) VALUES
              (1, 12.50, '2025-01-20 10:00:00.25+02', '2025-01-20 10:00:00', '2024-02-29', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
               '{"a": [1, 2]}', '\\x00ff', 'Zoë, "hi"', true, 9223372036854775807, 2.5),
              (2, null, null, null, null, null, null, null, null, null, null, null)
            """)
        let extractor: JSONValue = ["connection_id": "src", "query": .string("SELECT * FROM \(workspace.table("src")) ORDER BY id")]
        try await workspace.run(
            [("in", "extractor", "postgres", extractor), ("csv", "loader", "csv", ["path": "out.csv"]), ("jsonl", "loader", "jsonl", ["path": "out.jsonl"])],
            edges: [("in", "csv"), ("in", "jsonl")])
        #expect(
            try workspace.readFile("out.csv")
                == "id,amount,at_tz,at,day,ident,docb,raw,body,flag,big,f8\n"
                + "1,12.50,2025-01-20T08:00:00.250000Z,2025-01-20T10:00:00,2024-02-29,a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,\"{\"\"a\"\": [1, 2]}\",AP8=,\"Zoë, \"\"hi\"\"\",true,9223372036854775807,2.5\n"
                + "2,,,,,,,,,,,\n")
        let lines = try workspace.readFile("out.jsonl").split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("\"amount\":\"12.50\"") == true)
        #expect(lines.first?.contains("\"big\":9223372036854775807") == true)
        #expect(lines.first?.contains("\"at_tz\":\"2025-01-20T08:00:00.250000Z\"") == true)
        #expect(lines.first?.contains("\"day\":\"2024-02-29\"") == true)
        for line in lines { #expect((try? JSONValue(parsing: String(line))) != nil, "each line is a JSON document: \(line)") }
        #expect(lines.first?.contains("\"docb\":{\"a\": [1, 2]}") == true)
        try await workspace.tearDown()
    }
}
