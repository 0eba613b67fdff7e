import API
import Foundation
import Logging

/// The daemon's checked configuration. Built only by ``ConfigLoader``; every field has passed
/// the rules of ``ConfigSchema``.
struct Settings: Sendable {
    struct Server: Sendable {
        var host: String
        var port: Int
    }

    struct Store: Sendable {
        var location: StoreLocation
        var busyTimeoutMilliseconds: Int
    }

    struct Auth: Sendable {
        /// From `auth.jwt_secret`; nil when unset (then a credential or a generated key is used).
        var jwtSecret: String?
        /// From `auth.secrets_key` (base64 of 32 bytes); nil when unset.
        var secretsKey: String?
        var accessTokenLifetime: Duration
        var refreshTokenLifetime: Duration
        var registrationEnabled: Bool
    }

    struct Scheduler: Sendable {
        var defaultTimeZone: TimeZone
        var maxConcurrentExecutions: Int
        var misfirePolicy: String
        var maxCatchUp: Int
        var overlapPolicy: String
        var shutdownGrace: Duration
    }

    struct LogOutput: Sendable {
        var level: Logger.Level
        var format: String
    }

    var server: Server
    var store: Store
    /// `data.directory` when set; see ``DataDirectory`` for the full lookup.
    var configuredDataDirectory: String?
    /// `files.root`: where file modules read and write; nil means `<data dir>/files`.
    var filesRoot: String?
    var auth: Auth
    var scheduler: Scheduler
    var logging: LogOutput
    /// `docs.assets_dir`: a local directory for the API docs pages' assets; nil uses the CDN.
    var docsAssetsDirectory: String?
    /// The HTTP API's settings (`api.*`, the login and password rules of `auth.*`).
    var api: APISettings
    /// Every checked value with its source; a reload compares them to see what changed.
    let values: ConfigValues
    /// Where each key's value came from, for messages after loading.
    var sources: [String: ConfigSource] { values.sources }

    init(_ values: ConfigValues) throws(ConfigError) {
        func optional(_ key: String) -> String? {
            let text = values.string(key)
            return text.isEmpty ? nil : text
        }
        server = Server(host: values.string("server.host"), port: values.integer("server.port"))
        guard let location = StoreLocation(url: values.string("store.url")) else {
            throw values.error("store.url", "is not a store URL")
        }
        store = Store(location: location, busyTimeoutMilliseconds: values.integer("store.busy_timeout_ms"))
        configuredDataDirectory = optional("data.directory")
        filesRoot = optional("files.root")
        for (key, path) in [("data.directory", configuredDataDirectory), ("files.root", filesRoot)] {
            if let path, !path.hasPrefix("/") {
                throw values.error(key, "\"\(path)\" must be an absolute path")
            }
        }
        let secretsKey = optional("auth.secrets_key")
        if let secretsKey, Data(base64Encoded: secretsKey)?.count != 32 {
            throw values.error("auth.secrets_key", "(secret) must be the base64 encoding of exactly 32 bytes (openssl rand -base64 32)")
        }
        let jwtSecret = optional("auth.jwt_secret")
        if let jwtSecret, jwtSecret.utf8.count < 32 {
            throw values.error("auth.jwt_secret", "(secret) must be at least 32 bytes long")
        }
        auth = Auth(
            jwtSecret: jwtSecret,
            secretsKey: secretsKey,
            accessTokenLifetime: .seconds(values.integer("auth.access_token_minutes") * 60),
            refreshTokenLifetime: .seconds(values.integer("auth.refresh_token_days") * 86_400),
            registrationEnabled: values.boolean("auth.registration_enabled"))
        scheduler = Scheduler(
            defaultTimeZone: TimeZone(identifier: values.string("scheduler.default_timezone"))!,
            maxConcurrentExecutions: values.integer("scheduler.max_concurrent_executions"),
            misfirePolicy: values.string("scheduler.misfire_policy"),
            maxCatchUp: values.integer("scheduler.max_catch_up"),
            overlapPolicy: values.string("scheduler.overlap_policy"),
            shutdownGrace: .seconds(values.integer("scheduler.shutdown_grace_seconds")))
        logging = LogOutput(
            level: Logger.Level(rawValue: values.string("logging.level"))!,
            format: values.string("logging.format"))
        docsAssetsDirectory = optional("docs.assets_dir")
        api = APISettings(
            rateLimitPerMinute: values.integer("api.rate_limit_per_minute"),
            corsAllowedOrigins: values.string("api.cors_origins").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            registrationEnabled: auth.registrationEnabled,
            loginLockoutThreshold: values.integer("auth.lockout_threshold"),
            loginLockoutDuration: .seconds(values.integer("auth.lockout_minutes") * 60),
            passwordMinimumLength: values.integer("auth.password_min_length"),
            gzipMinimumBytes: values.integer("api.gzip_min_bytes"),
            docsAssetsDirectory: docsAssetsDirectory,
            defaultTimeZone: values.string("scheduler.default_timezone"),
            listCacheLifetime: .milliseconds(values.integer("api.list_cache_ms")))
        self.values = values
    }
}
