/// A transform that handles one batch at a time (filter, map, cleaner, limit): it sees each
/// input batch in order and may keep state between them.
public protocol StreamingTransform: Sendable {
    /// The output for one input batch (nil or empty for nothing).
    mutating func transform(_ batch: RecordBatch, context: NodeContext) throws -> RecordBatch?
    /// Output after the input ended; logging a summary belongs here too.
    mutating func finish(context: NodeContext) throws -> RecordBatch?
    /// Whether the transform needs no more input (a `limit` that has its rows).
    var isSatisfied: Bool { get }
}

extension StreamingTransform {
    public mutating func finish(context: NodeContext) throws -> RecordBatch? { nil }
    public var isSatisfied: Bool { false }
}

/// Runs a ``StreamingTransform`` over the node's single input.
public struct StreamingOperator<Transform: StreamingTransform>: NodeOperator {
    public let transform: Transform

    public init(_ transform: Transform) { self.transform = transform }

    public func run(_ context: NodeContext) async throws {
        var transform = transform
        let input = context.inputs[0]
        while !transform.isSatisfied, !context.output.isClosed, let batch = try await input.next() {
            if let result = try transform.transform(batch, context: context) { try await context.output.emit(result) }
        }
        input.stop()
        if let result = try transform.finish(context: context) { try await context.output.emit(result) }
    }
}
