import Foundation
import Pipelines
import Store

/// A stored execution whose JSON columns cannot be read (the run fails with this message).
struct ExecutionRequestError: Error, Sendable {
    var message: String
}

/// Turns a claimed execution and its pipeline into the runner's ``ExecutionRequest``.
enum ExecutionRequestBuilder {
    /// `nodeState` is what the store kept of the pipeline's last success (JSON object text per node).
    static func request(
        for execution: ExecutionRecord, of pipeline: PipelineRecord, nodeState: [String: String], timeout: Duration?
    ) throws(ExecutionRequestError) -> ExecutionRequest {
        var states: [String: [String: JSONValue]] = [:]
        for (nodeID, text) in nodeState {
            states[nodeID] = try object(text, "the saved state of node \(nodeID)")
        }
        return ExecutionRequest(
            reference: ExecutionReference(executionID: execution.id, pipelineID: pipeline.id),
            pipelineName: pipeline.name,
            config: try decode(pipeline.config, "the pipeline's config"),
            defaultParameters: try object(pipeline.defaultParams, "the pipeline's default_params"),
            parameters: try object(execution.params, "the execution's params"),
            scheduledFor: execution.scheduledFor, triggerType: execution.triggerType.rawValue, attempt: execution.attempt,
            timeout: timeout, nodeState: states)
    }

    private static func decode(_ text: String, _ what: String) throws(ExecutionRequestError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw ExecutionRequestError(message: "\(what) is not valid JSON")
        }
    }

    private static func object(_ text: String, _ what: String) throws(ExecutionRequestError) -> [String: JSONValue] {
        guard case .object(let members) = try decode(text, what) else {
            throw ExecutionRequestError(message: "\(what) is not a JSON object")
        }
        return members
    }
}
