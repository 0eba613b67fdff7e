import Foundation

/// The values a run's templates and bind parameters read: `default_params` merged with the
/// execute request's `params` (the request wins), the execution id and the scheduled slot.
public struct ParameterScope: Sendable, Hashable {
    public var values: [String: JSONValue]
    public var executionID: UUID
    /// The slot a scheduled run fires for; for manual runs, the time the run started.
    public var scheduledFor: Date

    public init(defaults: [String: JSONValue], overrides: [String: JSONValue], executionID: UUID, scheduledFor: Date) {
        values = defaults.merging(overrides) { _, override in override }
        self.executionID = executionID
        self.scheduledFor = scheduledFor
    }

    /// The text a parameter takes in a path or a name.
    public func text(of name: String) -> String? {
        switch values[name] {
        case nil, .null: nil
        case .string(let text): text
        case let value?: Value(json: value).text
        }
    }
}
