/// What a transform or loader does with a row it cannot process (config `on_error`).
public enum OnErrorPolicy: String, Sendable, Hashable, CaseIterable {
    /// The node, and so the execution, fails.
    case fail
    /// The row is dropped and counted in `rows_filtered`.
    case skip
    /// The row is dropped, counted, and written with the reason to
    /// `<data dir>/quarantine/<execution_id>/<node_id>.jsonl`.
    case quarantine

    /// The JSON Schema property every transform and loader declares.
    public static let schemaProperty: JSONValue = [
        "type": "string", "title": "On error", "enum": ["fail", "skip", "quarantine"], "default": "fail",
        "description": "What to do with a row that cannot be processed: fail the run, skip it, or quarantine it",
    ]
}
