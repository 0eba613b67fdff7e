import Connectors
import Foundation
import TestProcesses
import Pipelines
import S3Client
import S3Connector
import Testing

/// The test server's endpoint from `ETLB_TEST_S3_URL`; a missing one fails the test with the
/// way to start the server, rather than skipping silently.
func testEndpointURL() throws -> String {
    guard let url = ProcessInfo.processInfo.environment["ETLB_TEST_S3_URL"], !url.isEmpty else {
        throw TestSetupError("ETLB_TEST_S3_URL is not set: run `scripts/services/s3.sh start` and export ETLB_TEST_S3_URL=$(scripts/services/s3.sh url)")
    }
    return url
}

struct TestSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Credentials the test server accepts (it takes any).
let testCredentials = S3Credentials(accessKeyID: "AKIDETLBTEST", secretAccessKey: "etlb-test-secret")

/// A client of the test server; `retryPolicy` as given.
func testClient(url: String? = nil, retryPolicy: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10))) throws -> S3Client {
    S3Client(
        configuration: try S3Configuration(credentials: testCredentials, region: "us-east-1", endpointURL: url ?? testEndpointURL(), forcePathStyle: true),
        retryPolicy: retryPolicy)
}

/// Connections by name for the engine, as the metadata store would resolve them.
struct FixedConnections: ConnectionResolver {
    var connections: [String: [String: JSONValue]]

    func resolve(_ reference: String) async throws(ConnectionResolutionError) -> ResolvedConnection {
        guard let config = connections[reference] else { throw ConnectionResolutionError(reference: reference, message: "no such connection") }
        return ResolvedConnection(id: reference, name: reference, type: "s3", config: config)
    }
}

/// A fresh bucket on the test server, a scratch data directory, and pipeline runs against them.
final class S3Workspace {
    let url: String
    let client: S3Client
    let bucket = "etlb-" + UUID().uuidString.lowercased().prefix(18)
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("s3-\(UUID().uuidString)").path
    let executionID = UUID()

    init() async throws {
        url = try testEndpointURL()
        client = try testClient(url: url)
        try await client.createBucket(bucket)
        try FileManager.default.createDirectory(atPath: root + "/files", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The `s3` connection `lake` to the test server.
    var connections: FixedConnections {
        FixedConnections(connections: [
            "lake": [
                "access_key_id": .string(testCredentials.accessKeyID), "secret_access_key": .string(testCredentials.secretAccessKey),
                "region": "us-east-1", "endpoint_url": .string(url), "force_path_style": true,
            ],
        ])
    }

    /// The AWS environment variables that reach the test server.
    var awsEnvironment: [String: String] {
        [
            "AWS_ACCESS_KEY_ID": testCredentials.accessKeyID, "AWS_SECRET_ACCESS_KEY": testCredentials.secretAccessKey,
            "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": url,
        ]
    }

    func writeFile(_ name: String, _ text: String) throws {
        try text.write(toFile: root + "/files/" + name, atomically: true, encoding: .utf8)
    }

    func readFile(_ name: String) throws -> String { try String(contentsOfFile: root + "/files/" + name, encoding: .utf8) }

    /// Runs nodes `[(id, type, module, config)]` joined by `edges`; S3 nodes without a
    /// `connection_id` see ``awsEnvironment``.
    @discardableResult
    func run(_ nodes: [(String, String, String, JSONValue)], edges: [(String, String)]) async throws -> ExecutionOutcome {
        var registry = ModuleRegistry.builtIn
        registry.register(S3LoaderModule(environment: awsEnvironment))
        registry.register(S3ExtractorModule(environment: awsEnvironment))
        let engine = PipelineEngine(registry: registry, environment: EngineEnvironment(dataDirectory: root), resolver: connections)
        let config = JSONValue.object([
            "nodes": .array(nodes.map { ["id": .string($0.0), "type": .string($0.1), "module": .string($0.2), "config": $0.3, "description": "test"] }),
            "edges": .array(edges.map { ["source": .string($0.0), "target": .string($0.1)] }),
        ])
        let request = ExecutionRequest(
            reference: ExecutionReference(executionID: executionID, pipelineID: UUID()), pipelineName: "s3", config: config, defaultParameters: [:],
            parameters: [:], scheduledFor: nil, triggerType: "manual", attempt: 1, timeout: .seconds(120))
        let events = ExecutionEvents()
        defer { events.finish() }
        return try await engine.run(request, events: events)
    }

    /// Every key in the bucket under `prefix`.
    func keys(_ prefix: String = "") async throws -> [String] { try await client.listObjects(bucket: bucket, prefix: prefix).map(\.key) }

    /// The object `key` as text.
    func text(_ key: String) async throws -> String {
        String(decoding: try await client.getObject(bucket: bucket, key: key).collect(upTo: 256 << 20), as: UTF8.self)
    }

    /// The object `key` as bytes.
    func bytes(_ key: String) async throws -> [UInt8] { try await client.getObject(bucket: bucket, key: key).collect(upTo: 256 << 20) }

    /// The `id,name,score` CSV of `rows` rows.
    static func peopleCSV(rows: Int) -> String {
        "id,name,score\n" + (1...rows).map { "\($0),person \($0),\($0).5\n" }.joined()
    }
}

/// gunzip through the system tool, as any consumer of the objects would.
func gunzip(_ bytes: [UInt8]) throws -> String { String(decoding: try gzipTool(["-dc"], bytes), as: UTF8.self) }

/// gzip through the system tool, to make test objects the way other producers do.
func gzip(_ text: String) throws -> [UInt8] { try gzipTool(["-c"], Array(text.utf8)) }

/// `gzip <arguments> <file holding input>`'s output.
private func gzipTool(_ arguments: [String], _ input: [UInt8]) throws -> [UInt8] {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("gz-\(UUID().uuidString)").path
    try Data(input).write(to: URL(fileURLWithPath: file))
    defer { try? FileManager.default.removeItem(atPath: file) }
    let result = try ChildProcess.run("gzip", arguments + [file])
    guard result.status == 0 else { throw TestSetupError("gzip \(arguments.joined(separator: " ")) failed: \(result.errors)") }
    return Array(result.stdout)
}
