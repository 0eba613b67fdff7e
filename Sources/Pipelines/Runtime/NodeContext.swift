import Foundation

/// Everything a running node reaches: its inputs and output, its parameters, logging, bad-row
/// handling, progress, and the hooks loaders use to commit atomically. One per node per run,
/// used only by that node's task.
public final class NodeContext {
    public let nodeID: String
    public let inputs: [NodeInput]
    public let output: NodeOutput
    public let parameters: ParameterScope
    public let onError: OnErrorPolicy
    let meter: NodeMeter
    private let run: RunShared
    private var quarantine: QuarantineFile?
    private(set) var rejectedRows: Int64 = 0
    private var lastRejection: String?

    init(
        nodeID: String, inputs: [NodeInput], output: NodeOutput, parameters: ParameterScope, onError: OnErrorPolicy,
        meter: NodeMeter, run: RunShared
    ) {
        self.nodeID = nodeID
        self.inputs = inputs
        self.output = output
        self.parameters = parameters
        self.onError = onError
        self.meter = meter
        self.run = run
    }

    /// The parameters as cell values, for expressions.
    public var parameterValues: [String: Value] { parameters.values.mapValues(Value.init(json:)) }

    /// Publishes a log line of this node.
    public func log(_ level: ExecutionEvent.LogLevel, _ message: String, metadata: [String: JSONValue] = [:]) {
        run.events.publish(
            .log(run.reference, ExecutionEvent.LogLine(timestamp: Date(), level: level, nodeID: nodeID, message: message, metadata: metadata)))
    }

    /// Counts rows the node dropped on purpose (filtered, duplicates, beyond a limit).
    public func countFiltered(_ rows: Int) { meter.rowsFiltered += Int64(rows) }

    /// Extractors report how much of their source they have read (0…1).
    public func reportProgress(_ fraction: Double) { run.progress.advanced(nodeID, fraction: fraction) }

    /// A row the node cannot process. With `on_error: fail` this throws; with `skip` the row is
    /// counted as filtered; with `quarantine` it is also written with `reason` to the node's
    /// quarantine file.
    public func reject(row: [String: Value], reason: String) throws {
        switch onError {
        case .fail: throw NodeFailure(reason)
        case .skip: break
        case .quarantine:
            if quarantine == nil { quarantine = QuarantineFile(path: run.quarantinePath(nodeID: nodeID)) }
            try quarantine?.write(row: row.mapValues(\.jsonValue), reason: reason)
        }
        rejectedRows += 1
        lastRejection = reason
        meter.rowsFiltered += 1
    }

    /// ``reject(row:reason:)`` for row `index` of `batch`.
    public func reject(_ batch: RecordBatch, row index: Int, reason: String) throws {
        try reject(row: Dictionary(uniqueKeysWithValues: zip(batch.schema.names, batch.row(index))), reason: reason)
    }

    /// Loaders report what they wrote; it becomes `rows_output` and the run's totals.
    public func recordLoaded(rows: Int64, bytes: Int64) {
        meter.rowsOutput += rows
        run.addLoaded(rows: rows, bytes: bytes)
    }

    /// Work to do when the whole run succeeded (a loader renames its temporary file), and to
    /// undo when it did not. Nothing a loader writes becomes visible before every node is done.
    public func onCommit(_ commit: @escaping @Sendable () async throws -> Void, rollback: @escaping @Sendable () -> Void) {
        run.addCommit(nodeID: nodeID, commit: commit, rollback: rollback)
    }

    /// Keeps `value` under `key` for this node's next run (``NodeSetup/state``), but only if this
    /// whole run succeeds: an incremental extractor saves its highest cursor value here.
    public func saveStateOnSuccess(_ key: String, _ value: JSONValue) {
        run.saveState(nodeID: nodeID, key: key, value: value)
    }

    /// Reads all inputs at once and hands each batch to `body` with its input's index, in
    /// arrival order, then `nil` for that index when the input ends. Nodes with several inputs
    /// use it so that no upstream waits on another — two inputs fed by the same node would
    /// otherwise deadlock.
    public func mergedInputs(_ body: (Int, RecordBatch?) async throws -> Void) async throws {
        let merged = BoundedChannel<(Int, RecordBatch?)>(capacity: max(2, inputs.count))
        let channels = inputs.map(\.channel)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await withThrowingTaskGroup(of: Void.self) { readers in
                        for (index, channel) in channels.enumerated() {
                            readers.addTask {
                                while let batch = try await channel.receive() {
                                    guard try await merged.send((index, batch)) else { channel.stopReceiving(); return }
                                }
                                try await merged.send((index, nil))
                            }
                        }
                        try await readers.waitForAll()
                    }
                    merged.finish()
                } catch {
                    merged.cancel()
                    throw error
                }
            }
            do {
                while true {
                    meter.suspending()
                    let next = try await merged.receive()
                    meter.resumed()
                    guard let (index, batch) = next else { break }
                    meter.rowsInput += Int64(batch?.rowCount ?? 0)
                    try await body(index, batch)
                }
            } catch {
                merged.cancel()
                throw error
            }
            try await group.waitForAll()
        }
    }

    /// Logs the bad-row summary and closes the quarantine file.
    func finish() {
        quarantine?.close()
        guard rejectedRows > 0 else { return }
        let what = onError == .quarantine ? "Quarantined \(rejectedRows) bad row(s) to \(quarantine?.path ?? "")" : "Skipped \(rejectedRows) bad row(s)"
        log(.warning, what + "; last reason: \(lastRejection ?? "")", metadata: ["rows_rejected": .integer(rejectedRows)])
    }
}
