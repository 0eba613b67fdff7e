/// Keeps secrets out of the journal: the value of a metadata key that names a secret is replaced.
///
/// The daemon never logs secrets on purpose; this is the second line, for a key someone adds
/// later (`password`, `new_password`, `jwt_secret`, `access_token`, `authorization`, …).
public struct JournalRedaction: Sendable {
    /// Substrings of a lower-cased key that mark its value as secret.
    public var secretKeyParts: [String]

    /// What is written instead of a secret value.
    public static let replacement = "(redacted)"

    public init(secretKeyParts: [String] = ["password", "secret", "token", "authorization", "api_key", "apikey", "credential", "cookie", "private_key"]) {
        self.secretKeyParts = secretKeyParts
    }

    func isSecret(key: String) -> Bool {
        let lowered = key.lowercased()
        return secretKeyParts.contains { lowered.contains($0) }
    }
}
