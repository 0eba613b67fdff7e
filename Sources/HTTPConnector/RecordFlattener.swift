import Pipelines

/// How nested values of a record become columns (config `flatten`).
enum RecordFlattening: String, Sendable {
    /// Nested objects become `parent.child` columns, recursively; arrays stay JSON values.
    case columns
    /// Nested objects and arrays stay whole, as json columns.
    case json

    /// `record` as the batcher should see it. Non-objects pass through (the batcher rejects them).
    func apply(_ record: JSONValue) -> JSONValue {
        guard self == .columns, case .object(let object) = record else { return record }
        var flat: [String: JSONValue] = [:]
        Self.flatten(object, prefix: "", into: &flat)
        return .object(flat)
    }

    private static func flatten(_ object: [String: JSONValue], prefix: String, into flat: inout [String: JSONValue]) {
        for (key, value) in object {
            let name = prefix + key
            if case .object(let inner) = value {
                flatten(inner, prefix: name + ".", into: &flat)
            } else {
                flat[name] = value
            }
        }
    }
}
