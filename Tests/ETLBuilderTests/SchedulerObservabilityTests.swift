import Foundation
import Testing

/// The live scheduler seen from outside: `GET /api/v1/scheduler` and `GET /metrics` of the real
/// daemon while a pipeline fires every second.
@Suite("Scheduler observability (real binary)")
struct SchedulerObservabilityTests {
    @Test("fire-lag percentiles in /api/v1/scheduler and Prometheus samples in /metrics", .timeLimit(.minutes(2)))
    func fireLagAndMetrics() async throws {
        let data = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: data.path + "/files", withIntermediateDirectories: true)
        try "id\n1\n".write(toFile: data.path + "/files/in.csv", atomically: true, encoding: .utf8)
        let daemon = try await DaemonProcess.start(environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path])
        try await waitUntilReady(daemon)
        let api = APIClient(base: daemon.baseURL)
        try await api.loginAsInitialAdmin(data: data)

        let created = try await api.json("POST", "/api/v1/pipelines", body: [
            "name": "every second", "schedule": "* * * * * *", "schedule_timezone": "UTC", "is_scheduled": true,
            "config": [
                "nodes": [
                    ["id": "read", "type": "extractor", "module": "csv", "position": ["x": 0, "y": 0],
                     "description": "input", "config": ["path": "in.csv"]],
                    ["id": "write", "type": "loader", "module": "csv", "position": ["x": 200, "y": 0],
                     "description": "output", "config": ["path": "out-${execution.id}.csv"]],
                ],
                "edges": [["source": "read", "target": "write"]],
            ],
        ])
        let pipelineID = try #require(created["id"] as? String)
        _ = try await api.json("PUT", "/api/v1/pipelines/\(pipelineID)", body: ["status": "active"])

        var snapshot: [String: Any] = [:]
        while true {
            snapshot = try await api.json("GET", "/api/v1/scheduler")
            if let lag = snapshot["fire_lag"] as? [String: Any], (lag["samples"] as? Int ?? 0) >= 2 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(snapshot["state"] as? String == "running")
        #expect(snapshot["armed_pipelines"] as? Int == 1)
        let lag = try #require(snapshot["fire_lag"] as? [String: Any])
        let p50 = try #require(lag["p50_ms"] as? Double)
        let p99 = try #require(lag["p99_ms"] as? Double)
        let maximum = try #require(lag["max_ms"] as? Double)
        #expect(0 <= p50 && p50 <= p99 && p99 <= maximum)

        let metrics = try await api.text("/metrics")
        let samples = Self.samples(metrics)
        #expect(samples["etl_builder_scheduler_armed_schedules"] == 1)
        #expect((samples["etl_builder_scheduler_fire_lag_seconds_count"] ?? 0) >= 2)
        #expect((samples[#"etl_builder_scheduler_slots_total{result="enqueued"}"#] ?? 0) >= 2)
        #expect(samples["etl_builder_executor_workers"] == 4)
        #expect(metrics.contains("# TYPE etl_builder_scheduler_fire_lag_seconds histogram"))
        #expect(metrics.contains(#"etl_builder_scheduler_fire_lag_seconds_bucket{le="+Inf"}"#))
        #expect(try await daemon.stop() == 0)
    }

    /// `name{labels} value` lines of a Prometheus exposition, by series.
    static func samples(_ exposition: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in exposition.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            samples[String(line[..<space])] = value
        }
        return samples
    }
}
