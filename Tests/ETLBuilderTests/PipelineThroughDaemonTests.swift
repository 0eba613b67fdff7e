import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HummingbirdWSClient
import Logging
import NIOWebSocket
import Synchronization
import Testing

/// The whole path through the real daemon: create a pipeline over HTTP, execute it, and read back
/// real numbers from its logs, its node metrics and the WebSocket stream of its pipeline.
@Suite("Pipeline through the daemon (real binary)")
struct PipelineThroughDaemonTests {
    @Test("create → execute → logs, node metrics and WebSocket events carry the run's real numbers", .timeLimit(.minutes(2)))
    func createExecuteObserve() async throws {
        let data = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: data.path + "/files", withIntermediateDirectories: true)
        // 1 000 rows, amounts 0…999: the filter keeps the 500 with amount >= 500.
        let csv = "id,amount\n" + (0..<1000).map { "\($0),\($0)" }.joined(separator: "\n") + "\n"
        try csv.write(toFile: data.path + "/files/orders.csv", atomically: true, encoding: .utf8)
        let daemon = try await DaemonProcess.start(environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        try await waitUntilReady(daemon)
        let api = APIClient(base: daemon.baseURL)
        try await api.loginAsInitialAdmin(data: data)

        let created = try await api.json("POST", "/api/v1/pipelines", body: [
            "name": "big orders", "description": "orders of 500 or more",
            "config": [
                "nodes": [
                    ["id": "read", "type": "extractor", "module": "csv", "position": ["x": 0, "y": 0],
                     "description": "orders", "config": ["path": "orders.csv"]],
                    ["id": "big", "type": "transformer", "module": "filter", "position": ["x": 200, "y": 0],
                     "description": "big ones",
                     "config": ["conditions": [["column": "amount", "operator": ">=", "value": 500]]]],
                    ["id": "write", "type": "loader", "module": "csv", "position": ["x": 400, "y": 0],
                     "description": "result", "config": ["path": "big-orders.csv"]],
                ],
                "edges": [["source": "read", "target": "big"], ["source": "big", "target": "write"]],
            ],
        ])
        let pipelineID = try #require(created["id"] as? String)

        let messages = Mutex<[String]>([])
        let url = "ws://127.0.0.1:\(daemon.port ?? 0)/ws/pipeline/\(pipelineID)?token=\(api.token ?? "")"
        let listener = Task {
            try await WebSocketClient.connect(url: url, logger: Logger(label: "ws")) { inbound, outbound, _ in
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    guard case .text(let text) = message else { continue }
                    messages.withLock { $0.append(text) }
                    if text.contains(#""status":"success""#) { try await outbound.close(.normalClosure, reason: nil) }
                }
            }
        }
        // Let the server accept the subscription before the run starts.
        try await Task.sleep(for: .milliseconds(300))

        let execution = try await api.json("POST", "/api/v1/pipelines/\(pipelineID)/execute", body: ["params": [:]])
        #expect(execution["status"] as? String == "pending")
        let executionID = try #require(execution["execution_id"] as? String)
        var finished: [String: Any] = [:]
        while true {
            finished = try await api.json("GET", "/api/v1/executions/\(executionID)")
            if let status = finished["status"] as? String, ["success", "failed", "cancelled"].contains(status) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(finished["status"] as? String == "success", "\(finished)")
        #expect(finished["rows_processed"] as? Int == 500)

        let metrics = try await api.json("GET", "/api/v1/executions/\(executionID)/metrics")
        let nodes = try #require(metrics["nodes"] as? [[String: Any]])
        let byNode = Dictionary(uniqueKeysWithValues: nodes.compactMap { node in (node["node_id"] as? String).map { ($0, node) } })
        #expect(byNode["read"]?["rows_output"] as? Int == 1000)
        #expect(byNode["big"]?["rows_input"] as? Int == 1000)
        #expect(byNode["big"]?["rows_output"] as? Int == 500)
        #expect(byNode["big"]?["rows_filtered"] as? Int == 500)
        #expect(byNode["write"]?["rows_input"] as? Int == 500)
        #expect(((byNode["read"]?["duration_seconds"] as? Double) ?? 0) > 0)

        let logs = try await api.json("GET", "/api/v1/executions/\(executionID)/logs")
        #expect(((logs["total"] as? Int) ?? 0) > 0)
        let entries = try #require(logs["logs"] as? [[String: Any]])
        #expect(entries.contains { $0["node_id"] as? String == "write" })

        // The broadcaster delivers the final events right after the status write: wait for them.
        for _ in 0..<50 where !messages.withLock({ $0.contains { $0.contains(#""status":"success""#) } }) {
            try await Task.sleep(for: .milliseconds(100))
        }
        listener.cancel()
        let received = messages.withLock { $0 }.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let updates = received.filter { $0["type"] as? String == "execution_update" && $0["execution_id"] as? String == executionID }
        #expect(updates.contains { $0["status"] as? String == "running" })
        #expect(updates.contains { $0["status"] as? String == "success" && $0["progress"] as? Int == 100 })
        #expect(received.contains { $0["type"] as? String == "log" && $0["execution_id"] as? String == executionID })

        let output = try String(contentsOfFile: data.path + "/files/big-orders.csv", encoding: .utf8)
        #expect(output.split(separator: "\n").count == 501)
        #expect(try await daemon.stop() == 0)
    }
}

/// A minimal client of the daemon's API: logs in, then sends JSON with the bearer token.
final class APIClient {
    let base: URL
    private(set) var token: String?

    init(base: URL) {
        self.base = base
    }

    /// Logs in as `admin` with the password the daemon wrote to `<data>/initial-admin-password`.
    func loginAsInitialAdmin(data: TemporaryDirectory) async throws {
        let password = try String(contentsOfFile: data.path + "/initial-admin-password", encoding: .utf8)
        try await login(username: "admin", password: password.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func login(username: String, password: String) async throws {
        var request = URLRequest(url: base.appendingPathComponent("/api/v1/auth/login"))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let form = [("username", username), ("password", password)].map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
        }.joined(separator: "&")
        request.httpBody = Data(form.utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        token = try #require(object?["access_token"] as? String, "login failed: \(String(decoding: data, as: UTF8.self))")
    }

    /// Sends `body` as JSON and returns the JSON object answered.
    func json(_ method: String, _ path: String, body: [String: Any]? = nil) async throws -> [String: Any] {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard (200..<300).contains(status), let object else {
            throw APIClientError.status(status, String(decoding: data, as: UTF8.self))
        }
        return object
    }
}

extension APIClient {
    /// GETs `path` and returns the body as text (for `/metrics`).
    func text(_ path: String) async throws -> String {
        var request = URLRequest(url: base.appendingPathComponent(path))
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else { throw APIClientError.status(status, String(decoding: data, as: UTF8.self)) }
        return String(decoding: data, as: UTF8.self)
    }
}

enum APIClientError: Error {
    case status(Int, String)
}
