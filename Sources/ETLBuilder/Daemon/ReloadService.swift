import ServiceLifecycle
import UnixSignals

/// Turns SIGHUP (`systemctl reload etl-builder`, `ExecReload=`) into a configuration reload by
/// the ``ConfigReloader``, one at a time, until graceful shutdown.
///
/// The signal is trapped when the service group starts, before `READY=1`, so a reload sent by
/// systemd never meets the default action of SIGHUP (terminate).
struct ReloadService: Service {
    let reloader: ConfigReloader

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            await reloader.reload()
        }
    }
}
