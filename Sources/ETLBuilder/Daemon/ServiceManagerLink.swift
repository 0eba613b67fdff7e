import Logging
import Systemd

/// The daemon's side of the systemd notification protocol: the notifier, the start-up gate that
/// sends `READY=1` once every ``StartupCondition`` holds, and the logging of what could not be sent.
///
/// Without `$NOTIFY_SOCKET` every call is a cheap no-op, so the daemon wires it unconditionally.
final class ServiceManagerLink: Sendable {
    let notifier: SystemdNotifier
    private let gate: ReadinessGate<StartupCondition>
    private let logger: Logger

    init(notifier: SystemdNotifier, logger: Logger) {
        self.notifier = notifier
        self.logger = logger
        gate = ReadinessGate(waitingFor: StartupCondition.all) { [notifier, logger] in
            // A stop requested while starting wins: READY=1 after STOPPING=1 would be a lie.
            guard notifier.state != .stopping else { return }
            Self.report(notifier.ready(status: "ready"), sending: "READY=1", logger: logger)
            logger.info("Ready")
        }
    }

    /// Records that `condition` holds; the last one sends `READY=1`. Until then `STATUS=` says
    /// what start-up still waits for.
    func satisfied(_ condition: StartupCondition) {
        gate.satisfy(condition)
        let pending = gate.pending
        guard !pending.isEmpty else { return }
        status("starting: waiting for " + pending.map(\.description).sorted().joined(separator: ", "))
    }

    /// `STATUS=` with one line.
    func status(_ line: String) {
        Self.report(notifier.status(line), sending: "STATUS=", logger: logger)
    }

    /// `RELOADING=1` (+ `MONOTONIC_USEC=`).
    func reloading() {
        Self.report(notifier.reloading(status: "reloading configuration"), sending: "RELOADING=1", logger: logger)
    }

    /// `READY=1` at the end of a reload, with the reload's outcome as status.
    func reloaded(status: String) {
        Self.report(notifier.ready(status: status), sending: "READY=1", logger: logger)
    }

    /// `STOPPING=1`.
    func stopping(status: String) {
        Self.report(notifier.stopping(status: status), sending: "STOPPING=1", logger: logger)
    }

    private static func report(_ outcome: NotifyOutcome, sending message: String, logger: Logger) {
        switch outcome {
        case .sent, .notConfigured:
            break
        case .skipped(let error), .failed(let error):
            logger.warning("Service manager not notified", metadata: [
                "notification": "\(message)", "error": "\(error)", "error_code": "\(error.errorCode)",
            ])
        }
    }
}
