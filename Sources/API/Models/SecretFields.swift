import Pipelines

/// Which fields of a connection's `config` are secrets, and how they are split, masked and merged.
///
/// A field is secret when its name contains one of ``markers`` (`password`, `secret_access_key`,
/// `api_token`…). Secrets are stored encrypted apart from the rest of the config, never returned
/// (the API shows ``mask`` instead) and kept when an update omits them or sends the mask back.
public enum SecretFields {
    /// What the API shows instead of a secret value.
    public static let mask = "********"

    static let markers = ["password", "secret", "token", "api_key", "apikey", "private_key", "credentials", "passphrase"]

    /// Whether `name` is a secret field.
    static func isSecret(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return markers.contains { lowered.contains($0) }
    }

    /// `config` split into the non-secret part (JSON text for the store) and the secrets.
    /// A secret that is not a string is kept as its JSON text.
    public static func split(_ config: [String: JSONValue]) -> (config: String, secrets: [String: String]) {
        var plain: [String: JSONValue] = [:]
        var secrets: [String: String] = [:]
        for (name, value) in config {
            guard isSecret(name) else {
                plain[name] = value
                continue
            }
            switch value {
            case .null: continue
            case .string(let text): secrets[name] = text
            default: secrets[name] = value.canonicalText
            }
        }
        return (JSONValue.object(plain).canonicalText, secrets)
    }

    /// The store update for an update's `config`: the new plain part, secrets to set (new values)
    /// and secrets to remove (`null`); absent and masked secrets are kept.
    static func merge(_ config: [String: JSONValue]) -> (config: String, set: [String: String], remove: Set<String>) {
        var remove: Set<String> = []
        var kept = config
        for (name, value) in config where isSecret(name) {
            switch value {
            case .null: remove.insert(name); kept[name] = nil
            case .string(mask): kept[name] = nil
            default: break
            }
        }
        let (plain, secrets) = split(kept)
        return (plain, secrets, remove)
    }

    /// The stored config with every stored secret shown as ``mask``.
    public static func masked(config: String, secrets: [String: String]) -> JSONValue {
        var object = JSONText.object(config)
        for name in secrets.keys { object[name] = .string(mask) }
        return .object(object)
    }
}
