import Pipelines

/// A dotted path into a JSON document (`data.items`, `meta.next_cursor`); the empty path is the
/// document itself. Used for `records_path`, `pagination.cursor_path` and `pagination.total_path`.
struct DotPath: Sendable, Hashable, CustomStringConvertible {
    let keys: [String]

    init(_ text: String) { keys = text.split(separator: ".").map(String.init) }

    var isEmpty: Bool { keys.isEmpty }

    var description: String { keys.joined(separator: ".") }

    /// The value at this path in `document`, or nil when a key is missing or a step is not an object.
    func value(in document: JSONValue) -> JSONValue? {
        keys.reduce(Optional(document)) { value, key in value?[key] }
    }
}
