import Foundation

/// Resolves the configuration from its layers, highest priority first: command-line options,
/// `ETL_BUILDER_<SECTION>_<KEY>` environment variables, the YAML file, built-in defaults.
///
/// The file is `--config`, else `$ETL_BUILDER_CONFIG`, else `/etc/etl-builder/config.yaml` when it
/// exists; with none of them the defaults apply. Each value is checked against ``ConfigSchema``
/// and every error names the key, where the value came from and what is allowed.
struct ConfigLoader: Sendable {
    /// The file read when neither `--config` nor `$ETL_BUILDER_CONFIG` names one.
    static let systemConfigPath = "/etc/etl-builder/config.yaml"
    /// The environment variable naming the configuration file.
    static let configPathVariable = "ETL_BUILDER_CONFIG"

    var explicitPath: String?
    var environment: [String: String]
    /// Values given as command-line options, keyed by dotted key, with the option's name.
    var commandLine: [String: (value: String, option: String)] = [:]
    var systemConfigPath: String = ConfigLoader.systemConfigPath

    /// The file to read, if any, and whether its absence is an error (it is when it was named).
    func configFilePath() -> (path: String, required: Bool)? {
        if let explicitPath { return (explicitPath, true) }
        if let named = environment[Self.configPathVariable], !named.isEmpty { return (named, true) }
        if FileManager.default.fileExists(atPath: systemConfigPath) { return (systemConfigPath, false) }
        return nil
    }

    /// Reads every layer and returns the checked settings.
    func load() throws(ConfigError) -> Settings {
        var raw: [String: (text: String, source: ConfigSource)] = [:]
        for spec in ConfigSchema.keys {
            raw[spec.key] = (spec.defaultValue, .builtInDefault)
        }
        if let (path, _) = configFilePath() {
            let file = try ConfigFile(path: path)
            for (key, entry) in file.entries {
                raw[key] = (entry.text, .file(path: path, line: entry.line))
            }
        }
        for (name, value) in environment where name.hasPrefix(ConfigKeySpec.environmentPrefix) && name != Self.configPathVariable {
            guard let spec = ConfigSchema.spec(forEnvironmentName: name) else {
                throw ConfigError(
                    key: name, source: .environment(name: name),
                    problem: "unknown setting; overrides are named ETL_BUILDER_<SECTION>_<KEY>, e.g. ETL_BUILDER_SERVER_PORT")
            }
            raw[spec.key] = (value, .environment(name: name))
        }
        for (key, option) in commandLine {
            raw[key] = (option.value, .commandLine(option: option.option))
        }
        var values = ConfigValues()
        for spec in ConfigSchema.keys {
            let (text, source) = raw[spec.key]!
            values.set(try Self.check(text, against: spec, source: source), for: spec.key, source: source)
        }
        return try Settings(values)
    }

    /// Converts `text` to the value `spec` declares, or says why it cannot.
    static func check(_ text: String, against spec: ConfigKeySpec, source: ConfigSource) throws(ConfigError) -> ConfigValue {
        func reject(_ why: String) -> ConfigError {
            let shown = spec.isSecret ? "(secret)" : "\"\(text)\""
            return ConfigError(key: spec.key, source: source, problem: "\(shown) \(why); expected \(spec.kind.allowedDescription)")
        }
        switch spec.kind {
        case .string:
            return .string(text)
        case .integer(let range):
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else { throw reject("is not an integer") }
            guard range.contains(number) else { throw reject("is out of range") }
            return .integer(number)
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "on", "1": return .boolean(true)
            case "false", "no", "off", "0": return .boolean(false)
            default: throw reject("is not a boolean")
            }
        case .choice(let allowed):
            guard allowed.contains(text) else { throw reject("is not allowed") }
            return .string(text)
        case .validatedString(_, let isValid):
            guard isValid(text) else { throw reject("is not valid") }
            return .string(text)
        }
    }
}

/// A checked configuration value.
enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
}

/// Checked values by key, with where each came from, for ``Settings`` to read.
struct ConfigValues: Sendable {
    private var values: [String: ConfigValue] = [:]
    private(set) var sources: [String: ConfigSource] = [:]

    /// The keys whose values differ between `self` and `other`, sorted.
    func changedKeys(in other: ConfigValues) -> [String] {
        Set(values.keys).union(other.values.keys).filter { values[$0] != other.values[$0] }.sorted()
    }

    mutating func set(_ value: ConfigValue, for key: String, source: ConfigSource) {
        values[key] = value
        sources[key] = source
    }

    /// The string value of a key the schema declares as text.
    func string(_ key: String) -> String {
        guard case .string(let text) = values[key] else { preconditionFailure("\(key) is not a declared string key") }
        return text
    }

    /// The value of a key the schema declares as an integer.
    func integer(_ key: String) -> Int {
        guard case .integer(let number) = values[key] else { preconditionFailure("\(key) is not a declared integer key") }
        return number
    }

    /// The value of a key the schema declares as a boolean.
    func boolean(_ key: String) -> Bool {
        guard case .boolean(let flag) = values[key] else { preconditionFailure("\(key) is not a declared boolean key") }
        return flag
    }

    /// An error about `key` that names where its value came from.
    func error(_ key: String, _ problem: String) -> ConfigError {
        ConfigError(key: key, source: sources[key] ?? .builtInDefault, problem: problem)
    }
}
