/// A connection as a running node sees it: its type and its whole config, secrets decrypted.
/// It lives only as long as the node that uses it and is never logged.
public struct ResolvedConnection: Sendable, Hashable {
    public var id: String
    public var name: String
    /// `postgres`, `s3`, `http`…
    public var type: String
    /// The non-secret config merged with the decrypted secret fields.
    public var config: [String: JSONValue]

    public init(id: String, name: String, type: String, config: [String: JSONValue]) {
        self.id = id
        self.name = name
        self.type = type
        self.config = config
    }
}

/// Why a node's `connection_id` cannot be used.
public struct ConnectionResolutionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reference: String
    public var message: String

    public init(reference: String, message: String) {
        self.reference = reference
        self.message = message
    }

    public var description: String { "connection \"\(reference)\": \(message)" }
}

/// How a node turns its `connection_id` — a connection's id or its unique name — into the
/// connection's decrypted config. The daemon and `etl-builder run` plug the metadata store in.
public protocol ConnectionResolver: Sendable {
    func resolve(_ reference: String) async throws(ConnectionResolutionError) -> ResolvedConnection
}
