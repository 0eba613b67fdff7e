import API
import Logging
import ServiceLifecycle
import Store

/// Opens and migrates the store, creates the first admin when there is no user, then marks the
/// daemon ready and holds the store open until graceful shutdown, when it closes it.
///
/// The store is opened here rather than before the service group starts so that the HTTP server
/// already answers `/health` (and `/health/ready` with 503) while a busy or slow store is opened.
struct StoreService: Service {
    let opener: StoreOpener
    let readiness: Readiness
    let logger: Logger

    func run() async throws {
        readiness.markNotReady(reason: "opening and migrating the metadata store")
        try await opener.withStore { store, report in
            logger.info("Store migrated", metadata: ["applied": "\(report.applied.count)", "current_version": "\(report.currentVersion)"])
            try await InitialAdmin(store: store, dataDirectory: opener.dataDirectory, logger: logger).ensure()
            readiness.markReady()
            try? await gracefulShutdown()
            readiness.markNotReady(reason: "shutting down")
        }
    }
}
