/// What runs one node: reads `context.inputs`, writes `context.output`, until its input ends
/// (or, for extractors, its source does). Built per run by ``PipelineModule/makeOperator(_:setup:)``.
public protocol NodeOperator: Sendable {
    func run(_ context: NodeContext) async throws
}

/// A failure inside a node, in words for the execution's `error_message`.
public struct NodeFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
