import Foundation

/// The declaration of one configuration key: its dotted name, the kind of value it holds,
/// its default and the documentation shown in `etc/etl-builder/config.yaml`.
struct ConfigKeySpec: Sendable {
    /// What a key accepts; also the text used in error messages ("an integer in 1-65535").
    enum Kind: Sendable {
        case string
        case integer(ClosedRange<Int>)
        case boolean
        case choice([String])
        /// A string checked by a custom rule; `allowed` says in words what passes.
        case validatedString(allowed: String, isValid: @Sendable (String) -> Bool)

        var allowedDescription: String {
            switch self {
            case .string: "a string"
            case .integer(let range): "an integer in \(range.lowerBound)-\(range.upperBound)"
            case .boolean: "true or false"
            case .choice(let values): "one of " + values.joined(separator: ", ")
            case .validatedString(let allowed, _): allowed
            }
        }
    }

    /// The dotted key, e.g. `server.port`.
    let key: String
    let kind: Kind
    /// The built-in default, as the text a user would write in YAML.
    let defaultValue: String
    /// Whether the value is a secret that must never be printed or logged.
    var isSecret: Bool = false

    /// The environment variable that overrides this key: `server.port` → `ETL_BUILDER_SERVER_PORT`.
    var environmentName: String {
        ConfigKeySpec.environmentPrefix + key.uppercased().replacingOccurrences(of: ".", with: "_")
    }

    /// Every override variable starts with this prefix.
    static let environmentPrefix = "ETL_BUILDER_"
}
