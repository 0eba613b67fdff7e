import API
import Logging
import ServiceLifecycle
import Store
import Scheduling

/// Migrates the opened store, creates the first admin when there is no user, then runs the
/// scheduler and executor on it until graceful shutdown (they stop firing, drain running
/// executions within the grace period and flush their events), and closes the store last.
///
/// Migration runs inside the service group, so the HTTP server already answers `/health` (and
/// `/health/ready` with 503) while a busy store is migrated.
struct StoreService: Service {
    let store: any MetadataStore
    let dataDirectory: DataDirectory
    let readiness: Readiness
    let parts: DaemonParts
    let makeScheduling: @Sendable (any MetadataStore) -> SchedulingRuntime
    let onMigrated: @Sendable () -> Void
    let logger: Logger

    func run() async throws {
        do {
            readiness.markNotReady(reason: "migrating the metadata store")
            let report = try await store.migrate()
            logger.info("Store migrated", metadata: ["applied": "\(report.applied.count)", "current_version": "\(report.currentVersion)"])
            try await InitialAdmin(store: store, dataDirectory: dataDirectory, logger: logger).ensure()
            readiness.markReady()
            onMigrated()
            let runtime = makeScheduling(store)
            parts.started(runtime)
            try await runtime.run()
            readiness.markNotReady(reason: "shutting down")
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}
