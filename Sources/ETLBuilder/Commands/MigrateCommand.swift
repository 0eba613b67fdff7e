import ArgumentParser
import Foundation
import Logging
import Store

/// `etl-builder migrate`: applies pending store migrations and exits.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending metadata-store migrations and exit.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let settings = try global.loadSettings()
        let logger = LogOutput.bootstrap(settings.logging)
        try await reportingFailures {
            let environment = ProcessInfo.processInfo.environment
            let dataDirectory = try DataDirectory.resolve(environment: environment, configured: settings.configuredDataDirectory)
            // Migrating under a running daemon would change its schema behind its back.
            let lock = try DataDirectoryLock(directory: dataDirectory)
            defer { withExtendedLifetime(lock) {} }
            let report = try await StoreSession.run(settings: settings, environment: environment, logger: logger) { _, report in report }
            if report.applied.isEmpty {
                print("Store is up to date (version \(report.currentVersion)).")
            } else {
                print("Applied \(report.applied.joined(separator: ", ")); store is at version \(report.currentVersion).")
            }
        }
    }
}

/// Runs a command body, turning any error into one `error:` line on stderr and exit status 1.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        printError(String(describing: error))
        throw ExitCode.failure
    }
}
