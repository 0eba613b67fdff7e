import Pipelines

/// The `details` JSON text of audit events.
enum AuditDetails {
    /// `{"key": "value", …}` of the non-nil entries.
    static func json(_ fields: [String: String?]) -> String {
        var object: [String: JSONValue] = [:]
        for (key, value) in fields { if let value { object[key] = .string(value) } }
        return JSONValue.object(object).canonicalText
    }
}
