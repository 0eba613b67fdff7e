import Foundation

/// Every configuration key the daemon understands. A key that is not listed here is an error,
/// whether it comes from the file or from an `ETL_BUILDER_` environment variable.
enum ConfigSchema {
    static let keys: [ConfigKeySpec] = [
        .init(key: "server.host", kind: .string, defaultValue: "127.0.0.1"),
        .init(key: "server.port", kind: .integer(0...65535), defaultValue: "8000"),

        .init(
            key: "store.url",
            kind: .validatedString(
                allowed: "empty (embedded SQLite in the data directory), sqlite:///absolute/path.db or postgres://…",
                isValid: StoreLocation.isValidURL),
            defaultValue: ""),
        .init(key: "store.busy_timeout_ms", kind: .integer(0...600_000), defaultValue: "5000"),

        .init(key: "data.directory", kind: .string, defaultValue: ""),

        .init(key: "files.root", kind: .string, defaultValue: ""),

        .init(key: "auth.jwt_secret", kind: .string, defaultValue: "", isSecret: true),
        .init(key: "auth.secrets_key", kind: .string, defaultValue: "", isSecret: true),
        .init(key: "auth.access_token_minutes", kind: .integer(1...1440), defaultValue: "30"),
        .init(key: "auth.refresh_token_days", kind: .integer(1...365), defaultValue: "7"),
        .init(key: "auth.registration_enabled", kind: .boolean, defaultValue: "true"),
        .init(key: "auth.lockout_threshold", kind: .integer(1...100), defaultValue: "5"),
        .init(key: "auth.lockout_minutes", kind: .integer(1...1440), defaultValue: "15"),
        .init(key: "auth.password_min_length", kind: .integer(8...72), defaultValue: "8"),

        .init(key: "api.rate_limit_per_minute", kind: .integer(0...1_000_000), defaultValue: "60"),
        .init(key: "api.cors_origins", kind: .string, defaultValue: ""),
        .init(key: "api.gzip_min_bytes", kind: .integer(0...100_000_000), defaultValue: "1024"),
        .init(key: "api.list_cache_ms", kind: .integer(0...60_000), defaultValue: "1000"),

        .init(
            key: "scheduler.default_timezone",
            kind: .validatedString(
                allowed: "an IANA time zone name such as UTC or Europe/Paris",
                isValid: { TimeZone(identifier: $0) != nil }),
            defaultValue: "UTC"),
        .init(key: "scheduler.max_concurrent_executions", kind: .integer(1...256), defaultValue: "4"),
        .init(key: "scheduler.misfire_policy", kind: .choice(["skip", "run_once", "catch_up"]), defaultValue: "run_once"),
        .init(key: "scheduler.max_catch_up", kind: .integer(1...1000), defaultValue: "10"),
        .init(
            key: "scheduler.overlap_policy", kind: .choice(["allow", "forbid", "replace", "queue"]),
            defaultValue: "forbid"),
        .init(key: "scheduler.shutdown_grace_seconds", kind: .integer(0...86_400), defaultValue: "30"),

        .init(
            key: "logging.level",
            kind: .choice(["trace", "debug", "info", "notice", "warning", "error", "critical"]),
            defaultValue: "info"),
        .init(key: "logging.format", kind: .choice(["auto", "journal", "text", "json"]), defaultValue: "auto"),

        .init(key: "docs.assets_dir", kind: .string, defaultValue: ""),
    ]

    /// The specification of `key`, if it exists.
    static func spec(for key: String) -> ConfigKeySpec? { byKey[key] }

    /// The key an `ETL_BUILDER_…` environment variable overrides, if any.
    static func spec(forEnvironmentName name: String) -> ConfigKeySpec? { byEnvironmentName[name] }

    private static let byKey = Dictionary(uniqueKeysWithValues: keys.map { ($0.key, $0) })
    private static let byEnvironmentName = Dictionary(uniqueKeysWithValues: keys.map { ($0.environmentName, $0) })
}
