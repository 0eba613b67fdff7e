import Crypto

/// SHA-256 hashing of high-entropy secrets (API keys, refresh tokens) for storage and lookup.
///
/// These tokens are random and long, so a fast unsalted hash is the right tool (lookup by
/// hash, no brute-force risk); passwords use bcrypt instead, computed by the caller.
public enum TokenHash {
    /// Lowercase hex SHA-256 of the UTF-8 bytes of `text`.
    public static func sha256Hex(_ text: String) -> String {
        let digest = SHA256.hash(data: Array(text.utf8))
        var hex = ""
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(Self.digits[Int(byte >> 4)])
            hex.append(Self.digits[Int(byte & 0x0F)])
        }
        return hex
    }

    private static let digits: [Character] = Array("0123456789abcdef")
}
