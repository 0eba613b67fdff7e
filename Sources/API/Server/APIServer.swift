import Hummingbird
import Logging

/// Builds the daemon's HTTP application: the routes of the API document and the health probes.
public enum APIServer {
    /// What the server needs from the rest of the daemon.
    public struct Dependencies: Sendable {
        public var version: String
        public var readiness: Readiness

        public init(version: String, readiness: Readiness) {
            self.version = version
            self.readiness = readiness
        }
    }

    /// An application listening on `host:port`; run it inside the daemon's service group.
    /// `onListening` is called with the bound port once the socket accepts connections.
    public static func makeApplication(
        host: String, port: Int, dependencies: Dependencies, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        HealthRoutes(version: dependencies.version, readiness: dependencies.readiness).register(on: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "etl-builder"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
