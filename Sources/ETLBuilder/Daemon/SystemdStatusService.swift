import Logging
import ServiceLifecycle

/// Keeps systemd's `STATUS=` current and sends `STOPPING=1` when graceful shutdown begins.
///
/// Put it last in the service group: the group shuts services down in reverse order, so
/// `STOPPING=1` goes out before the API stops accepting and the scheduler stops firing.
struct SystemdStatusService: Service {
    let link: ServiceManagerLink
    /// Reads the current state, nil while starting (the readiness link reports that); a thrown
    /// error is shown as a degraded status.
    let status: @Sendable () async throws -> DaemonStatus?
    /// How often the status line is refreshed (only changes are sent).
    var interval: Duration = .seconds(5)
    /// Shown while stopping, e.g. `stopping: running executions have 30 s to finish`.
    let stoppingStatus: String
    let logger: Logger

    func run() async throws {
        var last: String?
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let line: String?
            do {
                line = try await status()?.line()
            } catch {
                line = "degraded: \(error)"
            }
            if let line, line != last {
                link.status(line)
                last = line
            }
            try? await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
        }
        link.stopping(status: stoppingStatus)
        logger.info("Stopping", metadata: ["status": "\(stoppingStatus)"])
    }
}
