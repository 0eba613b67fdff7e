import Foundation
import Logging

/// Sets up swift-log for the process from `logging.level` and `logging.format`.
enum LogOutput {
    /// The level every handler obeys; a configuration reload changes it without a restart.
    static let level = LiveLogLevel(.info)

    /// Bootstraps the logging system once and returns the daemon's root logger.
    static func bootstrap(
        _ settings: Settings.LogOutput, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Logger {
        level.value = settings.level
        let destination = LogDestination.resolve(format: settings.format, environment: environment)
        LoggingSystem.bootstrap { label in
            LiveLevelLogHandler(base: destination.makeHandler(label: label), live: level)
        }
        return Logger(label: "etl-builder")
    }
}
