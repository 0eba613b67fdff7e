/// The shape of API keys: `etlb_` followed by 40 random characters from a 62-letter alphabet
/// (≈ 238 bits). The prefix tells an API key from a JWT in an `Authorization: Bearer` header and
/// makes leaked keys easy to find by secret scanners; the store keeps only its SHA-256 hash.
enum APIKeyFormat {
    /// Every key starts with this.
    static let prefix = "etlb_"
    /// Characters kept in clear for display (`etlb_AbC1…`).
    static let displayedLength = prefix.count + 6

    /// A new random key.
    static func generate() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        return prefix + String((0..<40).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// Whether `token` looks like an API key (rather than a JWT).
    static func matches(_ token: String) -> Bool { token.hasPrefix(prefix) }
}
