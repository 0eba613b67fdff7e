/// How the validator learns what a `connection_id` names. The API plugs the metadata store in;
/// without a lookup, connection references are not checked.
public protocol ConnectionLookup: Sendable {
    /// The type (`postgres`, `s3`, `http`…) of the connection with `id`, or nil when there is none.
    func connectionType(id: String) async -> String?
}
