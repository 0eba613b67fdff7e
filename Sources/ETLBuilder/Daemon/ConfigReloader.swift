import API
import Logging
import Scheduling

/// One part of the daemon that takes new settings without a restart: the keys it owns and how it
/// applies them (log level, scheduler defaults, rate limits…).
struct LiveSetting: Sendable {
    /// The configuration keys it applies.
    let keys: Set<String>
    /// Applies the new settings; only called when one of ``keys`` changed.
    let apply: @Sendable (Settings) async -> Void

    /// `logging.level`, through the ``LiveLogLevel`` every handler reads.
    static func logLevel(_ live: LiveLogLevel) -> LiveSetting {
        LiveSetting(keys: ["logging.level"]) { live.value = $0.logging.level }
    }

    /// `api.rate_limit_per_minute`, read by the API's rate limiter on every request.
    static func rateLimit(_ live: RateLimitSetting) -> LiveSetting {
        LiveSetting(keys: ["api.rate_limit_per_minute"]) { live.perMinute = $0.api.rateLimitPerMinute }
    }

    /// The scheduler's defaults: armed pipelines that rely on them are re-armed at once. Before
    /// the scheduler runs (the store still opening), `defaults` keeps them for its start.
    static func schedulerDefaults(_ parts: DaemonParts) -> LiveSetting {
        LiveSetting(keys: ["scheduler.default_timezone", "scheduler.misfire_policy", "scheduler.max_catch_up", "scheduler.overlap_policy"]) {
            settings in
            let defaults = SchedulingDefaults(settings.scheduler)
            parts.schedulingDefaults = defaults
            await parts.runtime?.updateDefaults(defaults)
        }
    }
}

/// Re-reads the configuration on request (SIGHUP, see ``ReloadService``) and applies it:
///
/// 1. `RELOADING=1` with `MONOTONIC_USEC=`;
/// 2. loads every layer again (file, `ETL_BUILDER_…` variables, command-line options);
/// 3. a bad configuration is rejected whole: the old one stays, the log and `STATUS=` say why;
/// 4. changed keys some ``LiveSetting`` owns are applied at once; any other changed key is
///    reported as needing a restart (it keeps its start-up value until then);
/// 5. `READY=1` with the outcome as status.
actor ConfigReloader {
    /// What a reload did.
    enum Outcome: Equatable {
        /// The new configuration was accepted: `applied` keys took effect, `needRestart` keys
        /// differ from the running values and take effect on the next start.
        case accepted(applied: [String], needRestart: [String])
        /// The new configuration was refused; the old one stays.
        case rejected(ConfigError)

        var status: String {
            switch self {
            case .accepted(let applied, let needRestart):
                var parts = [applied.isEmpty ? "configuration reloaded, nothing to apply" : "configuration reloaded: applied " + applied.joined(separator: ", ")]
                if !needRestart.isEmpty { parts.append("restart needed for " + needRestart.joined(separator: ", ")) }
                return parts.joined(separator: "; ")
            case .rejected(let error):
                return "configuration reload failed, old configuration kept: \(error)"
            }
        }
    }

    private let loader: ConfigLoader
    /// What the daemon started with: keys no ``LiveSetting`` owns keep these values.
    private let startup: Settings
    /// The last accepted configuration.
    private(set) var current: Settings
    private let liveSettings: [LiveSetting]
    private let link: ServiceManagerLink
    private let logger: Logger

    init(loader: ConfigLoader, startup: Settings, liveSettings: [LiveSetting], link: ServiceManagerLink, logger: Logger) {
        self.loader = loader
        self.startup = startup
        current = startup
        self.liveSettings = liveSettings
        self.link = link
        self.logger = logger
    }

    /// Reloads once; see the type's documentation.
    @discardableResult
    func reload() async -> Outcome {
        link.reloading()
        logger.info("Reloading configuration")
        let outcome: Outcome
        do {
            outcome = try await accept(loader.load())
        } catch {
            outcome = .rejected(error)
            logger.error("Configuration reload failed; the old configuration is kept", metadata: [
                "error": "\(error)", "error_code": "config_reload_rejected",
            ])
        }
        if case .accepted(let applied, let needRestart) = outcome {
            logger.notice("Configuration reloaded", metadata: [
                "applied": "\(applied.joined(separator: ","))", "restart_needed": "\(needRestart.joined(separator: ","))",
            ])
        }
        link.reloaded(status: outcome.status)
        return outcome
    }

    private func accept(_ new: Settings) async -> Outcome {
        let liveKeys = liveSettings.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
        let changed = Set(current.changedKeys(in: new))
        for setting in liveSettings where !setting.keys.isDisjoint(with: changed) {
            await setting.apply(new)
        }
        current = new
        let needRestart = startup.changedKeys(in: new).filter { !liveKeys.contains($0) }
        return .accepted(applied: changed.intersection(liveKeys).sorted(), needRestart: needRestart)
    }
}
