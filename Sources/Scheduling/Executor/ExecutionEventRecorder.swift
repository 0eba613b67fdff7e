import Foundation
import Logging
import Pipelines
import Store

/// The store's subscriber of ``ExecutionEvents``: persists log lines and node metrics.
///
/// Status events are not written here: the component that changes a status (the scheduler
/// inserting a `pending` row, the executor claiming and finishing) writes it to the store in
/// the same step that decides it, where the store's answer matters (a taken slot, a claim, an
/// execution already final), and publishes the event only after the write. So an execution's
/// state has one writer per transition, subscribers never see a state the store does not hold
/// yet, and nothing outside ``Scheduler`` and ``Executor`` writes execution state. Progress
/// events are transient (WebSocket clients); totals are stored when the run finishes.
struct ExecutionEventRecorder: Sendable {
    let store: any MetadataStore
    let logger: Logger

    /// Records every event of `stream` until it ends (when ``ExecutionEvents/finish()`` is called).
    func record(_ stream: AsyncStream<ExecutionEvent>) async {
        for await event in stream {
            do {
                try await record(event)
            } catch {
                // A deleted execution (pipeline deleted) drops its late lines; nothing else is expected.
                logger.warning("Could not persist an execution event", metadata: ["execution_id": "\(event.reference.executionID)", "error": "\(error)"])
            }
        }
    }

    private func record(_ event: ExecutionEvent) async throws(StoreError) {
        switch event {
        case .log(let reference, let line):
            try await store.appendExecutionLogs(
                executionID: reference.executionID,
                [
                    NewExecutionLog(
                        timestamp: line.timestamp, level: LogLevel(rawValue: line.level.rawValue) ?? .info, nodeID: line.nodeID,
                        message: line.message, metadata: Self.json(line.metadata))
                ])
        case .nodeMetrics(let reference, let metrics):
            try await store.upsertNodeMetrics(
                NodeMetricsRecord(
                    executionID: reference.executionID, nodeID: metrics.nodeID, rowsInput: metrics.rowsInput,
                    rowsOutput: metrics.rowsOutput, rowsFiltered: metrics.rowsFiltered, durationSeconds: metrics.durationSeconds,
                    memoryPeakMB: metrics.memoryPeakMB, cpuPercent: metrics.cpuPercent))
        case .status, .progress:
            break
        }
    }

    private static func json(_ metadata: [String: JSONValue]) -> String {
        guard !metadata.isEmpty else { return "{}" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(metadata)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
