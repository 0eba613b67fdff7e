import Foundation

/// What went wrong talking to PostgreSQL, in words a user can act on, with a stable code.
public enum PostgresError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server refused the credentials (SQLSTATE 28P01 or 28000).
    case authenticationFailed(user: String, detail: String)
    /// Nothing answered at the address, or the name did not resolve.
    case unreachable(target: String, detail: String)
    /// The connection asked for TLS (`ssl_mode` require or stricter) and the server offers none.
    case tlsUnavailable(target: String, detail: String)
    /// Any other failure while connecting.
    case connectFailed(target: String, detail: String)
    /// The server rejected a statement.
    case server(ServerMessage)
    /// The connection broke (the server went away or the backend was terminated).
    case connectionLost(detail: String)
    /// The statement was cancelled because its task was.
    case cancelled
    /// A value this client cannot send, or data it cannot read.
    case invalidData(String)
    /// The connection was already closed.
    case closed

    /// A stable identifier for API error bodies and logs.
    public var errorCode: String {
        switch self {
        case .authenticationFailed: "postgres_authentication_failed"
        case .unreachable: "postgres_unreachable"
        case .tlsUnavailable: "postgres_tls_unavailable"
        case .connectFailed: "postgres_connect_failed"
        case .server: "postgres_server_error"
        case .connectionLost: "postgres_connection_lost"
        case .cancelled: "postgres_cancelled"
        case .invalidData: "postgres_invalid_data"
        case .closed: "postgres_connection_closed"
        }
    }

    public var description: String {
        switch self {
        case .authenticationFailed(let user, _): "authentication failed for user \"\(user)\""
        case .unreachable(let target, let detail): "could not connect to \(target): \(detail)"
        case .tlsUnavailable(let target, _):
            "TLS is required (ssl_mode) but the server at \(target) does not support SSL connections"
        case .connectFailed(let target, let detail): "could not connect to \(target): \(detail)"
        case .server(let message): message.description
        case .connectionLost(let detail): "the connection to PostgreSQL was lost: \(detail)"
        case .cancelled: "the PostgreSQL statement was cancelled"
        case .invalidData(let detail): detail
        case .closed: "the PostgreSQL connection is closed"
        }
    }
}

/// An error the server reported for a statement: SQLSTATE, message and the optional fields.
public struct ServerMessage: Sendable, Hashable, CustomStringConvertible {
    public var sqlState: String
    public var message: String
    public var detail: String?
    public var hint: String?
    /// Where the error happened (`COPY orders, line 12, column amount: "x"`).
    public var context: String?

    public init(sqlState: String, message: String, detail: String? = nil, hint: String? = nil, context: String? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.context = context
    }

    /// The 1-based row of a COPY that failed, read from the error context (`…, line 12…`).
    public var copyLine: Int? {
        guard let context, let range = context.range(of: ", line ") else { return nil }
        return Int(context[range.upperBound...].prefix { $0.isNumber })
    }

    public var description: String {
        var text = "\(message) (SQLSTATE \(sqlState))"
        if let detail { text += "; \(detail)" }
        if let hint { text += "; hint: \(hint)" }
        return text
    }
}
