import Foundation
import Logging

/// Sets up swift-log for the process from `logging.level` and `logging.format`.
enum LogOutput {
    /// Bootstraps the logging system once and returns the daemon's root logger.
    static func bootstrap(_ settings: Settings.LogOutput) -> Logger {
        let level = settings.level
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                switch settings.format {
                case "json": JSONLinesLogHandler(label: label)
                default: StreamLogHandler.standardError(label: label)
                }
            handler.logLevel = level
            return handler
        }
        return Logger(label: "etl-builder")
    }
}
