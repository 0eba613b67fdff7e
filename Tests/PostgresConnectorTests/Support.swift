import Connectors
import Foundation
import Pipelines
import PostgresClient
import PostgresConnector
import Testing

/// The test server's URL from `ETLB_TEST_POSTGRES_URL`; a missing one fails the test with the
/// way to start the server, rather than skipping silently.
func testServerURL() throws -> String {
    guard let url = ProcessInfo.processInfo.environment["ETLB_TEST_POSTGRES_URL"], !url.isEmpty else {
        throw TestSetupError(
            "ETLB_TEST_POSTGRES_URL is not set: run `scripts/services/postgres.sh start` and export ETLB_TEST_POSTGRES_URL=$(scripts/services/postgres.sh url)")
    }
    return url
}

struct TestSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Connections by name for the engine, as the metadata store would resolve them.
struct FixedConnections: ConnectionResolver {
    var connections: [String: [String: JSONValue]]

    func resolve(_ reference: String) async throws(ConnectionResolutionError) -> ResolvedConnection {
        guard let config = connections[reference] else { throw ConnectionResolutionError(reference: reference, message: "no such connection") }
        return ResolvedConnection(id: reference, name: reference, type: "postgres", config: config)
    }
}

/// A scratch schema in the test database, a files directory, and pipeline runs against both.
/// Connections `src` and `dst` reach the server with application names of their own.
final class PostgresWorkspace {
    let url: String
    let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("pg-\(UUID().uuidString)").path
    let executionID = UUID()
    let admin: PostgresConnection
    let loaderApplication = "etlb-test-loader-\(UUID().uuidString.prefix(8))"

    init() async throws {
        url = try testServerURL()
        admin = try await PostgresConnection.connect(PostgresConfiguration(url: url))
        try await admin.query("CREATE SCHEMA \(SQL.identifier(schema))")
        try FileManager.default.createDirectory(atPath: root + "/files", withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
        admin.close()
    }

    /// Drops the scratch schema (call at the end of a test).
    func tearDown() async throws { try await admin.query("DROP SCHEMA \(SQL.identifier(schema)) CASCADE") }

    /// `name` qualified in the scratch schema.
    func table(_ name: String) -> String { SQL.qualified(schema, name) }

    /// Runs each statement (one per call: the extended protocol takes one at a time).
    func exec(_ statements: String...) async throws {
        for statement in statements { try await admin.query(statement) }
    }

    func rows(_ sql: String, _ parameters: [String?] = []) async throws -> [[String?]] { try await admin.query(sql, parameters).rows }

    func scalar(_ sql: String) async throws -> String? { try await admin.query(sql).scalar }

    var connections: FixedConnections {
        FixedConnections(connections: [
            "src": ["url": .string(url), "application_name": "etlb-test-source"],
            "dst": ["url": .string(url), "application_name": .string(loaderApplication)],
        ])
    }

    /// Runs nodes `[(id, type, module, config)]` joined by `edges`.
    @discardableResult
    func run(
        _ nodes: [(String, String, String, JSONValue)], edges: [(String, String)], parameters: [String: JSONValue] = [:],
        state: [String: [String: JSONValue]] = [:]
    ) async throws -> ExecutionOutcome {
        var registry = ModuleRegistry.builtIn
        for module in PostgresModules.all { registry.register(module) }
        let engine = PipelineEngine(registry: registry, environment: EngineEnvironment(dataDirectory: root), resolver: connections)
        let config = JSONValue.object([
            "nodes": .array(nodes.map { ["id": .string($0.0), "type": .string($0.1), "module": .string($0.2), "config": $0.3, "description": "test"] }),
            "edges": .array(edges.map { ["source": .string($0.0), "target": .string($0.1)] }),
        ])
        let request = ExecutionRequest(
            reference: ExecutionReference(executionID: executionID, pipelineID: UUID()), pipelineName: "pg", config: config, defaultParameters: [:],
            parameters: parameters, scheduledFor: nil, triggerType: "manual", attempt: 1, timeout: .seconds(120), nodeState: state)
        let events = ExecutionEvents()
        defer { events.finish() }
        return try await engine.run(request, events: events)
    }

    /// Copies `query` (or a table) into the scratch table `target` through a pipeline.
    @discardableResult
    func copy(
        extractor: JSONValue, into target: String, loader: [String: JSONValue] = [:], parameters: [String: JSONValue] = [:],
        state: [String: [String: JSONValue]] = [:]
    ) async throws -> ExecutionOutcome {
        var loaderConfig: [String: JSONValue] = ["connection_id": "dst", "schema": .string(schema), "table": .string(target)]
        loaderConfig.merge(loader) { $1 }
        var extractorConfig = extractor.objectValue ?? [:]
        extractorConfig["connection_id"] = "src"
        return try await run(
            [("in", "extractor", "postgres", .object(extractorConfig)), ("out", "loader", "postgres", .object(loaderConfig))],
            edges: [("in", "out")], parameters: parameters, state: state)
    }

    func readFile(_ name: String) throws -> String { try String(contentsOfFile: root + "/files/" + name, encoding: .utf8) }

    /// Every row of a scratch table as PostgreSQL prints it, in key order: equal texts mean
    /// equal values, type by type.
    func fingerprint(_ table: String, orderBy: String = "1") async throws -> [String] {
        try await rows("SELECT t::text FROM \(self.table(table)) AS t ORDER BY \(orderBy)").map { $0[0] ?? "" }
    }

    /// Column names with their exact types.
    func columnTypes(_ table: String) async throws -> [String] {
        try await rows(
            "SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
            [self.table(table)]
        ).map { $0[0] ?? "" }
    }

    func primaryKey(_ table: String) async throws -> [String] {
        try await admin.primaryKey(schema: schema, table: table)
    }
}
