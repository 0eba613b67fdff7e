/// One input of a node: the channel from one upstream node, counting rows as they arrive.
public final class NodeInput {
    /// The upstream node.
    public let sourceNodeID: String
    let channel: BoundedChannel<RecordBatch>
    private let meter: NodeMeter

    init(sourceNodeID: String, channel: BoundedChannel<RecordBatch>, meter: NodeMeter) {
        self.sourceNodeID = sourceNodeID
        self.channel = channel
        self.meter = meter
    }

    /// The next batch, or nil at the end of the input.
    public func next() async throws -> RecordBatch? {
        meter.suspending()
        defer { meter.resumed() }
        guard let batch = try await channel.receive() else { return nil }
        meter.rowsInput += Int64(batch.rowCount)
        return batch
    }

    /// Every remaining batch (for nodes that need the whole input: sort, the build side of a join).
    public func collect() async throws -> [RecordBatch] {
        var batches: [RecordBatch] = []
        while let batch = try await next() { batches.append(batch) }
        return batches
    }

    /// The node needs no more of this input; upstream stops being held back by it.
    public func stop() { channel.stopReceiving() }
}

/// The output of a node: every batch goes to each downstream node (fan-out broadcast).
public final class NodeOutput {
    private let channels: [BoundedChannel<RecordBatch>]
    private let meter: NodeMeter
    private var open: [Bool]

    init(channels: [BoundedChannel<RecordBatch>], meter: NodeMeter) {
        self.channels = channels
        self.meter = meter
        open = channels.map { _ in true }
    }

    /// Sends `batch` downstream, waiting while a consumer is behind. Empty batches are dropped.
    public func emit(_ batch: RecordBatch) async throws {
        guard batch.rowCount > 0 else { return }
        meter.rowsOutput += Int64(batch.rowCount)
        meter.suspending()
        defer { meter.resumed() }
        for index in channels.indices where open[index] {
            open[index] = try await channels[index].send(batch)
        }
    }

    /// Whether every downstream node has stopped reading, so producing more is pointless.
    public var isClosed: Bool { !open.contains(true) }

    /// The node produced everything.
    func finish() {
        for channel in channels { channel.finish() }
    }
}
