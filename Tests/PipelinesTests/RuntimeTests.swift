import Foundation
import Pipelines
import Synchronization
import Testing

@Suite("DAG runtime")
struct RuntimeTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pipelines-\(UUID().uuidString)").path
    var engine: PipelineEngine { PipelineEngine(registry: TestModules.registry, environment: EngineEnvironment(dataDirectory: directory)) }

    func request(_ config: JSONValue, parameters: [String: JSONValue] = [:], timeout: Duration? = nil) -> ExecutionRequest {
        ExecutionRequest(
            reference: ExecutionReference(executionID: UUID(), pipelineID: UUID()), pipelineName: "test", config: config,
            defaultParameters: ["day": "2025-01-20"], parameters: parameters, scheduledFor: Date(timeIntervalSince1970: 1_737_331_200),
            triggerType: "manual", attempt: 1, timeout: timeout)
    }

    @Test func fanOutBroadcastsAndFanInReadsBoth() async throws {
        let config = pipeline(
            [node("a", "extractor", "numbers", ["count": 1000, "batch": 64]), node("p", "transformer", "pass"), node("q", "transformer", "pass"),
             node("j", "transformer", "pair"), node("fan-in", "loader", "sink"), node("fan-out", "loader", "sink")],
            edges: [("a", "p"), ("a", "q"), ("p", "j"), ("q", "j"), ("j", "fan-in"), ("a", "fan-out")])
        let outcome = try await engine.run(request(config), events: ExecutionEvents())
        let collected = TestModules.collected.withLock { $0 }
        #expect(collected["fan-out"] == Array(0..<1000))
        #expect(collected["fan-in"]?.sorted() == (0..<1000).flatMap { [Int64($0), Int64($0)] })
        #expect(outcome.rowsProcessed == 3000)
    }

    @Test func metricsProgressAndLogsAreMeasured() async throws {
        let events = ExecutionEvents()
        let stream = events.subscribe()
        let config = pipeline([node("a", "extractor", "numbers", ["count": 5000]), node("z2", "loader", "sink")], edges: [("a", "z2")])
        _ = try await engine.run(request(config), events: events)
        events.finish()
        var metrics: [String: ExecutionEvent.NodeMetrics] = [:]
        var percents: [Int] = []
        var logs: [ExecutionEvent.LogLine] = []
        for await event in stream {
            switch event {
            case .nodeMetrics(_, let node): metrics[node.nodeID] = node
            case .progress(_, let percent, _): percents.append(percent)
            case .log(_, let line): logs.append(line)
            default: break
            }
        }
        #expect(metrics["a"]?.rowsOutput == 5000)
        #expect(metrics["a"]?.rowsInput == 0)
        #expect(metrics["z2"]?.rowsInput == 5000)
        #expect(metrics["z2"]?.rowsOutput == 5000)
        #expect((metrics["a"]?.durationSeconds ?? 0) > 0)
        #expect((metrics["a"]?.memoryPeakMB ?? 0) > 1)
        #expect((metrics["a"]?.cpuPercent ?? -1) >= 0)
        #expect(percents.last == 100)
        #expect(percents == percents.sorted())
        #expect(logs.contains { $0.nodeID == "z2" && $0.message.contains("5000 row(s) in") })
    }

    @Test func failingNodeStopsTheOthersAndLeavesNoOutput() async throws {
        try FileManager.default.createDirectory(atPath: directory + "/files", withIntermediateDirectories: true)
        let config = pipeline(
            [node("a", "extractor", "numbers", ["count": 1_000_000, "batch": 100]), node("f", "transformer", "fail", ["after": 500]),
             node("ok", "loader", "sink", ["path": "ok.txt"]), node("bad", "loader", "sink")],
            edges: [("a", "f"), ("f", "bad"), ("a", "ok")])
        await #expect(throws: PipelineRunError(nodeID: "f", message: "boom after 600 rows")) {
            try await engine.run(request(config), events: ExecutionEvents())
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/files")
        #expect(files.isEmpty)
    }

    /// Without prompt cancellation the source would emit for 500 s (100 000 batches × 5 ms):
    /// the time limit fails the test long before that, with no wall-clock assertion that a loaded
    /// machine could break.
    @Test(.timeLimit(.minutes(1))) func cancellationStopsMidStream() async throws {
        let config = pipeline([node("a", "extractor", "numbers", ["count": 1_000_000, "batch": 10, "delay_ms": 5]), node("z", "loader", "sink")], edges: [("a", "z")])
        let task = Task { try await engine.run(request(config), events: ExecutionEvents()) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    /// As for cancellation: the run would last 500 s if the timeout did not stop it.
    @Test(.timeLimit(.minutes(1))) func timeoutFailsTheRun() async throws {
        let config = pipeline([node("a", "extractor", "numbers", ["count": 1_000_000, "batch": 10, "delay_ms": 5]), node("z", "loader", "sink", ["delay_ms": 1])], edges: [("a", "z")])
        await #expect(throws: PipelineRunError(nodeID: nil, message: "timed out after 0.2s")) {
            try await engine.run(request(config, timeout: .milliseconds(200)), events: ExecutionEvents())
        }
    }

    @Test func invalidPipelineIsRefusedBeforeRunning() async {
        await #expect(throws: PipelineRunError.self) {
            try await engine.run(request(pipeline([], edges: [])), events: ExecutionEvents())
        }
    }

    @Test func pathsAreResolvedAndConfinedToTheFilesRoot() throws {
        let root = FileRoot(path: "/srv/data/files/")
        #expect(try root.resolve("in/a.csv") == "/srv/data/files/in/a.csv")
        #expect(try root.resolve("/srv/data/files/x/../b.csv") == "/srv/data/files/b.csv")
        #expect(throws: FilePathError.self) { try root.resolve("../secret") }
        #expect(throws: FilePathError.self) { try root.resolve("/etc/passwd") }
    }
}

@Suite("Parameters")
struct ParameterTests {
    let scope = ParameterScope(
        defaults: ["day": "2025-01-01", "limit": 5], overrides: ["day": "2025-01-20"], executionID: UUID(uuidString: "6f1e2a3b-0000-4000-8000-000000000001")!,
        scheduledFor: Date(timeIntervalSince1970: 1_737_338_400))  // 2025-01-20T02:00:00Z

    @Test func templatesExpandParametersAndExecutionValues() throws {
        #expect(try TemplateString.expand("out/${params.day}/${params.limit}.csv", scope: scope) == "out/2025-01-20/5.csv")
        #expect(try TemplateString.expand("${execution.id}", scope: scope) == "6f1e2a3b-0000-4000-8000-000000000001")
        #expect(try TemplateString.expand("d=${execution.scheduled_for:yyyy-MM-dd}_${execution.scheduled_for:HHmm}", scope: scope) == "d=2025-01-20_0200")
        #expect(try TemplateString.expand("${execution.scheduled_for}", scope: scope) == "2025-01-20T02:00:00Z")
        #expect(throws: TemplateError(reason: .missingParameter("nope"))) { try TemplateString.expand("${params.nope}", scope: scope) }
        #expect(throws: TemplateError(reason: .unterminated)) { try TemplateString.expand("${params.day", scope: scope) }
    }

    @Test func sqlParametersAreBoundNeverPasted() throws {
        let (sql, values) = try BindParameters.numbered(
            "SELECT * FROM t WHERE d > :day AND n < :limit AND d <> :day AND s = ':day' AND x::text = 'a'", scope: scope)
        #expect(sql == "SELECT * FROM t WHERE d > $1 AND n < $2 AND d <> $1 AND s = ':day' AND x::text = 'a'")
        #expect(values == ["2025-01-20", 5])
        #expect(throws: TemplateError.self) { try BindParameters.numbered("select :missing", scope: scope) }
    }
}
