import Foundation

/// One execution of a validated plan: the operators, the channels between them, and the task
/// group that runs them. The first failing node cancels every other node and every channel;
/// loaders' outputs are committed only when all nodes succeeded.
struct PipelineRun {
    private struct Node {
        var id: String
        var kind: NodeKind
        var operation: any NodeOperator
        var onError: OnErrorPolicy
        var inputs: [(source: String, channel: BoundedChannel<RecordBatch>)]
        var outputs: [BoundedChannel<RecordBatch>]
    }

    /// Thrown by the timer task when the run's time is up.
    private struct TimedOut: Error {}

    private let nodes: [Node]
    private let channels: [BoundedChannel<RecordBatch>]
    private let scope: ParameterScope
    private let shared: RunShared

    init(
        plan: PipelinePlan, scope: ParameterScope, environment: EngineEnvironment, connections: (any ConnectionResolver)?,
        nodeState: [String: [String: JSONValue]], reference: ExecutionReference, events: ExecutionEvents
    ) throws {
        // One channel per edge, so two edges between the same nodes (a self-join) stay apart.
        var edges: [String: [String: [BoundedChannel<RecordBatch>]]] = [:]  // source → target → channels
        var channels: [BoundedChannel<RecordBatch>] = []
        var outputs: [String: [BoundedChannel<RecordBatch>]] = [:]
        for node in plan.nodes {
            for target in node.outputs {
                let channel = BoundedChannel<RecordBatch>(capacity: environment.channelCapacity)
                edges[node.definition.id, default: [:]][target, default: []].append(channel)
                outputs[node.definition.id, default: []].append(channel)
                channels.append(channel)
            }
        }
        var nodes: [Node] = []
        for node in plan.nodes {
            let id = node.definition.id
            let operation: any NodeOperator
            let onError: OnErrorPolicy
            do {
                let config = try ConfigTemplates.expand(node.config, codeKeys: node.module.descriptor.codeKeys, scope: scope)
                onError = OnErrorPolicy(rawValue: try config.string("on_error") ?? "fail") ?? .fail
                let setup = NodeSetup(
                    nodeID: id, files: environment.files, parameters: scope, connections: connections, state: nodeState[id] ?? [:])
                operation = try node.module.makeOperator(config, setup: setup)
            } catch {
                throw PipelineRunError(nodeID: id, message: String(describing: error))
            }
            var inputs: [(source: String, channel: BoundedChannel<RecordBatch>)] = []
            for source in node.inputs {
                inputs.append((source, edges[source]![id]!.removeFirst()))
            }
            nodes.append(
                Node(
                    id: id, kind: node.definition.kind ?? .transformer, operation: operation, onError: onError, inputs: inputs,
                    outputs: outputs[id] ?? []))
        }
        self.nodes = nodes
        self.channels = channels
        self.scope = scope
        shared = RunShared(
            reference: reference, events: events, progress: ProgressTracker(total: nodes.count, reference: reference, events: events),
            quarantineRoot: environment.quarantineRoot)
    }

    func execute(timeout: Duration?) async throws -> ExecutionOutcome {
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for node in nodes {
                    group.addTask { try await run(node) }
                }
                if let timeout {
                    group.addTask {
                        try await Task.sleep(for: timeout)
                        throw TimedOut()
                    }
                }
                do {
                    for _ in nodes.indices { try await group.next() }
                    group.cancelAll()  // only the timer is left
                } catch {
                    for channel in channels { channel.cancel() }
                    group.cancelAll()
                    throw error
                }
            }
        } catch {
            shared.rollbackAll()
            if Task.isCancelled { throw CancellationError() }
            if error is TimedOut {
                let message = "timed out after \(timeout.map(Self.describe) ?? "its time limit")"
                shared.events.publish(.log(shared.reference, .init(timestamp: .now, level: .error, nodeID: nil, message: "Execution \(message)")))
                throw PipelineRunError(nodeID: nil, message: message)
            }
            throw error
        }
        try await shared.commitAll()
        let loaded = shared.loaded
        return ExecutionOutcome(rowsProcessed: loaded.rows, dataSizeBytes: loaded.bytes, nodeState: shared.nodeState)
    }

    /// Runs one node and reports its metrics, whatever the outcome.
    private func run(_ node: Node) async throws {
        let meter = NodeMeter()
        let context = NodeContext(
            nodeID: node.id, inputs: node.inputs.map { NodeInput(sourceNodeID: $0.source, channel: $0.channel, meter: meter) },
            output: NodeOutput(channels: node.outputs, meter: meter), parameters: scope, onError: node.onError, meter: meter,
            run: shared)
        shared.progress.started(node.id)
        defer { shared.events.publish(.nodeMetrics(shared.reference, meter.metrics(nodeID: node.id))) }
        do {
            try await node.operation.run(context)
            try Task.checkCancellation()
        } catch let error as CancellationError {
            context.finish()
            throw error
        } catch {
            context.finish()
            let failure = PipelineRunError(nodeID: node.id, message: String(describing: error))
            context.log(.error, failure.message)
            throw failure
        }
        context.finish()
        for input in context.inputs { input.stop() }
        context.output.finish()
        shared.progress.finished(node.id)
        let metrics = meter.metrics(nodeID: node.id)
        context.log(
            .info, "Finished: \(metrics.rowsInput) row(s) in, \(metrics.rowsOutput) row(s) out",
            metadata: [
                "duration_ms": .integer(Int64(metrics.durationSeconds * 1000)), "rows_input": .integer(metrics.rowsInput),
                "rows_output": .integer(metrics.rowsOutput), "rows_filtered": .integer(metrics.rowsFiltered),
            ])
    }

    private static func describe(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return Value.format(seconds) + "s"
    }
}
