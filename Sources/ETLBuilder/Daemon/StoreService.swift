import API
import Logging
import ServiceLifecycle
import Store
import Scheduling

/// Opens and migrates the store, creates the first admin when there is no user, then runs the
/// scheduler and executor on it until graceful shutdown (they stop firing, drain running
/// executions within the grace period and flush their events), and closes the store last.
///
/// The store is opened here rather than before the service group starts so that the HTTP server
/// already answers `/health` (and `/health/ready` with 503) while a busy or slow store is opened.
struct StoreService: Service {
    let opener: StoreOpener
    let readiness: Readiness
    let parts: DaemonParts
    let makeScheduling: @Sendable (any MetadataStore) -> SchedulingRuntime
    let onMigrated: @Sendable () -> Void
    let logger: Logger

    func run() async throws {
        readiness.markNotReady(reason: "opening and migrating the metadata store")
        try await opener.withStore { store, report in
            logger.info("Store migrated", metadata: ["applied": "\(report.applied.count)", "current_version": "\(report.currentVersion)"])
            try await InitialAdmin(store: store, dataDirectory: opener.dataDirectory, logger: logger).ensure()
            readiness.markReady()
            onMigrated()
            let runtime = makeScheduling(store)
            parts.started(runtime)
            try await runtime.run()
            readiness.markNotReady(reason: "shutting down")
        }
    }
}
