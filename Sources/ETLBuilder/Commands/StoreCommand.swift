import Foundation
import Logging
import Store

/// A store-touching command once its configuration is loaded and logging set up: it runs its
/// work on the opened, migrated store (``StoreSession``).
struct StoreCommand {
    let settings: Settings
    let logger: Logger

    /// Runs `body` on the store and closes it whatever happened.
    func run<Result>(_ body: (any MetadataStore) async throws -> Result) async throws -> Result {
        try await StoreSession.run(settings: settings, environment: ProcessInfo.processInfo.environment, logger: logger) { store, _ in
            try await body(store)
        }
    }
}

extension GlobalOptions {
    /// Loads the configuration (exit 78 when it is bad) and sets up logging for a store command.
    func storeCommand() throws -> StoreCommand {
        let settings = try loadSettings()
        return StoreCommand(settings: settings, logger: LogOutput.bootstrap(settings.logging))
    }
}
