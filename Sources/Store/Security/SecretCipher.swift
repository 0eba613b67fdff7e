import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Encrypts connection secrets at rest with AES-256-GCM.
///
/// The stored form is `v1:` followed by base64 of `nonce ‖ ciphertext ‖ tag` of the JSON
/// object (sorted keys). The owning connection's id is the authenticated data, so a
/// ciphertext copied onto another row does not decrypt. The `v1` prefix leaves room for
/// key rotation.
public struct SecretCipher: Sendable {
    private let key: SymmetricKey

    /// - Throws: ``StoreError/invalidArgument(_:)`` unless `key` is 256 bits.
    public init(key: SymmetricKey) throws(StoreError) {
        guard key.bitCount == 256 else {
            throw .invalidArgument("the secret key must be 32 bytes (256 bits), got \(key.bitCount / 8) bytes")
        }
        self.key = key
    }

    /// A key from its base64 text (how configuration carries it).
    public init(base64Key: String) throws(StoreError) {
        guard let data = Data(base64Encoded: base64Key.filter { !$0.isWhitespace }) else {
            throw .invalidArgument("the secret key is not valid base64")
        }
        try self.init(key: SymmetricKey(data: data))
    }

    /// A new random 256-bit key.
    public static func generateKey() -> SymmetricKey { SymmetricKey(size: .bits256) }

    private static let prefix = "v1:"

    /// Encrypts `secrets`, bound to `owner`.
    func seal(_ secrets: [String: String], owner: UUID) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let plaintext = try encoder.encode(secrets)
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: Data(owner.uuidString.lowercased().utf8))
        guard let combined = box.combined else {
            throw StoreError.database(reason: "AES-GCM produced no combined representation")
        }
        return Self.prefix + combined.base64EncodedString()
    }

    /// Decrypts what ``seal(_:owner:)`` wrote for the same `owner`.
    func open(_ stored: String, owner: UUID) throws(StoreError) -> [String: String] {
        guard stored.hasPrefix(Self.prefix), let combined = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count)))
        else { throw .secretUnreadable(connection: owner.uuidString.lowercased()) }
        do {
            let box = try AES.GCM.SealedBox(combined: combined)
            let plaintext = try AES.GCM.open(box, using: key, authenticating: Data(owner.uuidString.lowercased().utf8))
            return try JSONDecoder().decode([String: String].self, from: plaintext)
        } catch {
            throw .secretUnreadable(connection: owner.uuidString.lowercased())
        }
    }
}
