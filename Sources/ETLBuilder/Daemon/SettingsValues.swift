import Foundation
import Logging

/// Every configuration key of a ``Settings`` with its value as text, to tell what a reload
/// changed. Secret values are compared, never shown (``ConfigReloader`` prints only keys).
extension Settings {
    var valuesByKey: [String: String] {
        [
            "server.host": server.host,
            "server.port": String(server.port),
            "store.url": "\(store.location)",
            "store.busy_timeout_ms": String(store.busyTimeoutMilliseconds),
            "data.directory": configuredDataDirectory ?? "",
            "files.root": filesRoot ?? "",
            "auth.jwt_secret": auth.jwtSecret ?? "",
            "auth.secrets_key": auth.secretsKey ?? "",
            "auth.access_token_minutes": "\(auth.accessTokenLifetime)",
            "auth.refresh_token_days": "\(auth.refreshTokenLifetime)",
            "auth.registration_enabled": String(auth.registrationEnabled),
            "scheduler.default_timezone": scheduler.defaultTimeZone.identifier,
            "scheduler.max_concurrent_executions": String(scheduler.maxConcurrentExecutions),
            "scheduler.misfire_policy": scheduler.misfirePolicy,
            "scheduler.max_catch_up": String(scheduler.maxCatchUp),
            "scheduler.overlap_policy": scheduler.overlapPolicy,
            "scheduler.shutdown_grace_seconds": "\(scheduler.shutdownGrace)",
            "logging.level": logging.level.rawValue,
            "logging.format": logging.format,
            "docs.assets_dir": docsAssetsDirectory ?? "",
        ]
    }

    /// The keys whose value differs in `other`, sorted.
    func changedKeys(in other: Settings) -> [String] {
        let mine = valuesByKey
        let theirs = other.valuesByKey
        return Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
    }
}
