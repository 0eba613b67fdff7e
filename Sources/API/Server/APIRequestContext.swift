import Hummingbird
import HummingbirdAuth
import HummingbirdWebSocket
import NIOCore

/// The request context of every API route and of the WebSocket upgrade.
///
/// It carries the authenticated ``Principal`` (set by ``CredentialsMiddleware``), why
/// authentication failed when credentials were presented but refused, the client's address
/// (the rate-limit key of anonymous requests) and the WebSocket handler reference.
public struct APIRequestContext: AuthRequestContext, WebSocketRequestContext, RequestContext {
    /// Hummingbird's per-request storage (logger, parameters, endpoint path).
    public var coreContext: CoreRequestContextStorage
    /// The authenticated caller, if credentials were presented and accepted.
    public var identity: Principal?
    /// Why presented credentials were refused; routes that need a caller answer with it.
    public var credentialsError: APIError?
    /// The peer's IP address, or `unknown`.
    public let clientAddress: String
    /// Set by the WebSocket upgrade route.
    public let webSocket: WebSocketHandlerReference<APIRequestContext>
    /// Largest accepted request body.
    public var maxUploadSize: Int { APIRequestContext.bodyLimit }

    /// Creates the context of a new request on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.credentialsError = nil
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        self.webSocket = .init()
    }

    /// Picks JSON or `application/x-www-form-urlencoded` by the request's `Content-Type`.
    public var requestDecoder: APIRequestDecoder { APIRequestDecoder() }

    /// The caller, or the error that explains why there is none (401).
    public func requirePrincipal() throws(APIError) -> Principal {
        if let identity { return identity }
        throw credentialsError ?? .notAuthenticated()
    }

    /// Request bodies are small JSON documents; 1 MiB leaves room for big pipeline configs.
    static let bodyLimit = 1 << 20
}
