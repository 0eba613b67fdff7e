import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOExtras
import NIOPosix
import ServiceLifecycle

/// The API served on a listening socket inherited from the service manager (socket activation,
/// `etl-builder.socket`), instead of one Hummingbird binds itself: Hummingbird's server binds
/// only to addresses, so this service accepts on the inherited descriptor with NIO and hands each
/// connection to the same HTTP/1 + WebSocket-upgrade channel Hummingbird uses, with the same
/// router. Connections the kernel queued before the daemon started are served.
///
/// Graceful shutdown stops accepting and lets open connections finish their requests
/// (NIOExtras' quiescing helper, as Hummingbird does).
struct InheritedSocketServer: Service {
    let descriptor: CInt
    let channel: HTTP1WebSocketUpgradeChannel
    let eventLoopGroup: any EventLoopGroup
    let logger: Logger
    let onListening: @Sendable (Int) async -> Void

    /// A server for `router` and `webSocketRouter` on the listening socket `descriptor`.
    init(
        descriptor: CInt, router: Router<APIRequestContext>, webSocketRouter: Router<APIRequestContext>,
        serverName: String, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void
    ) {
        let responder = router.buildResponder()
        self.descriptor = descriptor
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        self.onListening = onListening
        channel = HTTP1WebSocketUpgradeChannel(
            responder: { request, writer, channel in
                // Hummingbird's request id lives in the logger's metadata (`RequestContext.id`).
                var requestLogger = logger
                requestLogger[metadataKey: "hb.request.id"] = .stringConvertible(RequestID())
                let context = APIRequestContext(source: .init(channel: channel, logger: requestLogger))
                var response: Response
                do {
                    response = try await responder.respond(to: request, context: context)
                } catch {
                    // The router's error middleware answers every API error; this is the last resort.
                    logger.debug("Unhandled error", metadata: ["error": "\(error)"])
                    response = Response(status: .internalServerError)
                }
                response.headers[.date] = HTTPDateHeader.now()
                response.headers[.server] = serverName
                try await writer.write(response: response.head, body: response.body)
            },
            webSocketResponder: webSocketRouter.buildResponder(),
            configuration: .init())
    }

    func run() async throws {
        let quiescing = ServerQuiescingHelper(group: eventLoopGroup)
        let (channel, logger) = (self.channel, self.logger)
        let server = try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelInitializer { serverChannel in
                serverChannel.eventLoop.makeCompletedFuture {
                    try serverChannel.pipeline.syncOperations.addHandler(quiescing.makeServerChannelHandler(channel: serverChannel))
                }
            }
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .bind(NIOBSDSocket.Handle(descriptor)) { connection in channel.setup(channel: connection, logger: logger) }
        await onListening(server.channel.localAddress?.port ?? 0)
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                do {
                    try await server.executeThenClose { inbound in
                        for try await connection in inbound {
                            group.addTask { await channel.handle(value: connection, logger: logger) }
                        }
                    }
                } catch {
                    logger.error("The inherited API socket stopped accepting", metadata: ["error": "\(error)"])
                }
            }
        } onGracefulShutdown: {
            quiescing.initiateShutdown(promise: nil)
        }
    }
}
