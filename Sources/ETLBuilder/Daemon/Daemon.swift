import API
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals
import Store

/// The long-running process: one `ServiceGroup` holding the metadata store and the HTTP API.
/// SIGTERM and SIGINT stop it gracefully: the server stops accepting, then the store closes.
struct Daemon {
    let settings: Settings
    let logger: Logger
    var environment: [String: String] = ProcessInfo.processInfo.environment

    func run() async throws {
        let dataDirectory = try DataDirectory.resolve(environment: environment, configured: settings.configuredDataDirectory)
        let lock = try DataDirectoryLock(directory: dataDirectory)
        defer { withExtendedLifetime(lock) {} }
        let keys = try KeyMaterial.load(environment: environment, auth: settings.auth, dataDirectory: dataDirectory)
        logger.info("Starting etl-builder \(ProductVersion.current)", metadata: [
            "data_directory": "\(dataDirectory.path)", "keys": "\(keys)",
        ])
        let readiness = Readiness()
        let storeService = StoreService(
            opener: StoreOpener(settings: settings.store, dataDirectory: dataDirectory, keys: keys, logger: logger),
            readiness: readiness, logger: logger)
        let host = settings.server.host
        let application = APIServer.makeApplication(
            host: host, port: settings.server.port,
            dependencies: .init(version: ProductVersion.current, readiness: readiness),
            logger: logger,
            onListening: { [logger] port in logger.info("Listening on http://\(host):\(port)") })
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: storeService),
                .init(service: application),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
        logger.info("Stopped")
    }
}
