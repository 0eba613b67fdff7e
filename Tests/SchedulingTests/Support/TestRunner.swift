import Foundation
import Pipelines
import Synchronization

/// A pipeline runner whose behaviour each test writes; it counts starts and concurrency.
final class TestRunner: PipelineRunner {
    private struct State {
        var started: [UUID] = []
        var active = 0
        var maxActive = 0
        var attempts: [Int] = []
    }

    private let state = Mutex(State())
    private let body: @Sendable (ExecutionRequest, ExecutionEvents) async throws -> ExecutionOutcome

    init(_ body: @escaping @Sendable (ExecutionRequest, ExecutionEvents) async throws -> ExecutionOutcome) {
        self.body = body
    }

    /// Execution ids in the order their runs started.
    var started: [UUID] { state.withLock { $0.started } }
    var maxActive: Int { state.withLock { $0.maxActive } }
    var active: Int { state.withLock { $0.active } }

    func run(_ request: ExecutionRequest, events: ExecutionEvents) async throws -> ExecutionOutcome {
        state.withLock {
            $0.started.append(request.reference.executionID)
            $0.active += 1
            $0.maxActive = max($0.maxActive, $0.active)
        }
        defer { state.withLock { $0.active -= 1 } }
        return try await body(request, events)
    }

    /// Succeeds after `milliseconds` of real time.
    static func succeeding(afterMilliseconds milliseconds: Int = 0) -> TestRunner {
        TestRunner { _, _ in
            try await Task.sleep(for: .milliseconds(milliseconds))
            return ExecutionOutcome(rowsProcessed: 10, dataSizeBytes: 100)
        }
    }

    /// Runs until cancelled.
    static func untilCancelled(_ clock: VirtualClock) -> TestRunner {
        TestRunner { _, _ in
            try await clock.sleep(until: .distantFuture)
            return ExecutionOutcome(rowsProcessed: 0, dataSizeBytes: 0)
        }
    }
}
