import Foundation
import Logging
import Pipelines
import Store

/// The journal's subscriber of ``ExecutionEvents``: every status change and every log line of an
/// execution becomes a daemon log entry carrying `pipeline_id`, `execution_id`, `trigger_type` and,
/// for node lines, `node_id` — upper-case journal fields under the journal log handler, so
/// `journalctl -u etl-builder PIPELINE_ID=…` shows one pipeline's history.
///
/// The trigger type is not part of the events; it is read once per execution from the store when
/// the execution is first seen, and forgotten when it ends.
struct ExecutionJournal: Sendable {
    let store: any MetadataStore
    let logger: Logger

    /// Logs every event of `stream` until it ends.
    func record(_ stream: AsyncStream<ExecutionEvent>) async {
        var triggers: [UUID: String] = [:]
        for await event in stream {
            let reference = event.reference
            guard Self.isJournaled(event) else { continue }
            if triggers[reference.executionID] == nil {
                triggers[reference.executionID] = (try? await store.execution(id: reference.executionID))?.triggerType.rawValue ?? "unknown"
            }
            var metadata: Logger.Metadata = [
                "pipeline_id": "\(reference.pipelineID.uuidString.lowercased())",
                "execution_id": "\(reference.executionID.uuidString.lowercased())",
                "trigger_type": "\(triggers[reference.executionID] ?? "unknown")",
            ]
            switch event {
            case .status(_, let status, _, let error, let failedNodeID):
                if let failedNodeID { metadata["node_id"] = "\(failedNodeID)" }
                if let error { metadata["error"] = "\(error)" }
                let level: Logger.Level = status == .failed ? .error : (status == .cancelled ? .warning : .info)
                logger.log(level: level, "Execution \(status.rawValue)", metadata: metadata)
                if status.isFinal { triggers[reference.executionID] = nil }
            case .log(_, let line):
                if let nodeID = line.nodeID { metadata["node_id"] = "\(nodeID)" }
                logger.log(level: Self.level(line.level), "\(line.message)", metadata: metadata)
            case .progress, .nodeMetrics:
                break
            }
        }
    }

    /// Status changes from `running` on, and log lines. Queued (`pending`) executions, progress
    /// ticks and node metrics stay out of the journal (the store and the WebSocket feed have
    /// them): 10 000 slots due in one second must not mean 10 000 journal entries and lookups.
    private static func isJournaled(_ event: ExecutionEvent) -> Bool {
        switch event {
        case .status(_, let status, _, _, _): status != .pending
        case .log: true
        case .progress, .nodeMetrics: false
        }
    }

    private static func level(_ level: ExecutionEvent.LogLevel) -> Logger.Level {
        switch level {
        case .debug: .debug
        case .info: .info
        case .warning: .warning
        case .error: .error
        }
    }
}
