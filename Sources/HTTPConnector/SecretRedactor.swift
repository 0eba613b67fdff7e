import Foundation

/// Hides secrets in text meant for people: log lines, error messages, response excerpts.
///
/// It knows the secret strings of one node run (a bearer token, a password, an API key, the
/// values of credential-looking headers) and replaces every occurrence with `***`, so a server
/// that echoes a token in an error body cannot leak it either.
struct SecretRedactor: Sendable {
    private let secrets: [String]

    /// A redactor of `secrets`; empty strings are ignored, longer secrets are replaced first so a
    /// secret containing another is hidden whole.
    init(secrets: [String]) {
        self.secrets = Set(secrets.filter { !$0.isEmpty }).sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced by `***`.
    func redact(_ text: String) -> String {
        secrets.reduce(text) { text, secret in text.replacingOccurrences(of: secret, with: "***") }
    }

    /// Whether a header or query parameter called `name` carries credentials by its name alone
    /// (`Authorization`, `X-API-Key`, `access_token`…), whatever its value.
    static func isCredentialName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["authorization", "cookie", "token", "key", "secret", "password", "signature", "auth"].contains { lowered.contains($0) }
    }
}
