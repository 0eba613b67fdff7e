import Logging
import Synchronization

/// The process-wide log level, changed by a configuration reload (`logging.level`) without
/// restarting: every handler made by ``LogOutput`` reads it on each log call.
final class LiveLogLevel: Sendable {
    private let level: Mutex<Logger.Level>

    init(_ level: Logger.Level) {
        self.level = Mutex(level)
    }

    /// The current level.
    var value: Logger.Level {
        get { level.withLock { $0 } }
        set { level.withLock { $0 = newValue } }
    }
}

/// Wraps a handler so its level follows a ``LiveLogLevel``, unless one logger sets its own.
struct LiveLevelLogHandler: LogHandler {
    private var base: any LogHandler
    private let live: LiveLogLevel
    /// A level one logger set (`logger.logLevel = …`); it wins over the live level for that logger only.
    private var override: Logger.Level?

    init(base: any LogHandler, live: LiveLogLevel) {
        self.base = base
        self.live = live
    }

    var logLevel: Logger.Level {
        get { override ?? live.value }
        set { override = newValue }
    }

    var metadata: Logger.Metadata {
        get { base.metadata }
        set { base.metadata = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { base.metadataProvider }
        set { base.metadataProvider = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { base[metadataKey: key] }
        set { base[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        base.log(event: event)
    }
}
