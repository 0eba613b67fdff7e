import Pipelines

/// A query to stream into batches: its SQL (bound parameters as `$1`…), the parameters as text,
/// and how each result column is decoded.
public struct ReadPlan: Sendable {
    public var sql: String
    public var parameters: [String?]
    public var schema: Schema
    /// One per field of `schema`.
    public var types: [WireType]
    public var batchSize: Int

    public init(sql: String, parameters: [String?], schema: Schema, types: [WireType], batchSize: Int) {
        self.sql = sql
        self.parameters = parameters
        self.schema = schema
        self.types = types
        self.batchSize = batchSize
    }
}
