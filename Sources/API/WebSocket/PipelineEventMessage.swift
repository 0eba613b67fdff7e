#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Pipelines

/// The WebSocket messages of the API document, built from ``ExecutionEvent``s:
/// `{"type": "execution_update", "execution_id", "status", "progress", "current_node"}` and
/// `{"type": "log", "execution_id", "timestamp", "level", "message", "node_id"}`.
enum PipelineEventMessage: Encodable, Sendable, Equatable {
    case executionUpdate(executionID: UUID, status: ExecutionEvent.Status, progress: Int, currentNode: String?)
    case log(executionID: UUID, line: ExecutionEvent.LogLine)

    enum CodingKeys: String, CodingKey {
        case type, status, progress, timestamp, level, message
        case executionID = "execution_id"
        case currentNode = "current_node"
        case nodeID = "node_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .executionUpdate(let executionID, let status, let progress, let currentNode):
            try container.encode("execution_update", forKey: .type)
            try container.encode(executionID.apiString, forKey: .executionID)
            try container.encode(status, forKey: .status)
            try container.encode(progress, forKey: .progress)
            try container.encode(currentNode, forKey: .currentNode)
        case .log(let executionID, let line):
            try container.encode("log", forKey: .type)
            try container.encode(executionID.apiString, forKey: .executionID)
            try container.encode(APITimestamp.string(line.timestamp), forKey: .timestamp)
            try container.encode(line.level, forKey: .level)
            try container.encode(line.message, forKey: .message)
            try container.encode(line.nodeID, forKey: .nodeID)
        }
    }

    /// JSON text of the message.
    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, integers and enums into JSON cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}

/// Follows the executions of one pipeline and turns their events into messages, remembering each
/// execution's progress and current node so status messages carry them too.
struct PipelineEventTranslator {
    private var progress: [UUID: (percent: Int, node: String?)] = [:]

    /// The message for `event`, or nil for events the document has no message for (node metrics).
    mutating func message(for event: ExecutionEvent) -> PipelineEventMessage? {
        switch event {
        case .status(let reference, let status, _, _, let failedNode):
            var known = progress[reference.executionID] ?? (0, nil)
            if status == .success { known.percent = 100 }
            if status.isFinal { progress[reference.executionID] = nil } else { progress[reference.executionID] = known }
            return .executionUpdate(
                executionID: reference.executionID, status: status, progress: known.percent,
                currentNode: failedNode ?? known.node)
        case .progress(let reference, let percent, let node):
            let clamped = min(100, max(0, percent))
            progress[reference.executionID] = (clamped, node)
            return .executionUpdate(executionID: reference.executionID, status: .running, progress: clamped, currentNode: node)
        case .log(let reference, let line):
            return .log(executionID: reference.executionID, line: line)
        case .nodeMetrics:
            return nil
        }
    }
}
