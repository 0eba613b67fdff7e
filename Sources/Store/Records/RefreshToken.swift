#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One refresh token of a rotation family. Only its SHA-256 hash is stored.
///
/// A family starts at login; each refresh replaces the presented token by a new one of the
/// same family. Presenting a token that was already replaced (or revoked) is reuse: the
/// whole family is revoked (see ``MetadataStore/rotateRefreshToken(presentedHash:next:)``).
public struct RefreshTokenRecord: Sendable, Hashable, Codable, Identifiable {
    /// The token's `jti`.
    public var id: UUID
    public var familyID: UUID
    public var userID: UUID
    public var tokenHash: String
    public var issuedAt: Date
    public var expiresAt: Date
    /// The token that replaced this one, once rotated.
    public var replacedBy: UUID?
    public var revokedAt: Date?

    public init(
        id: UUID, familyID: UUID, userID: UUID, tokenHash: String, issuedAt: Date, expiresAt: Date,
        replacedBy: UUID?, revokedAt: Date?
    ) {
        self.id = id
        self.familyID = familyID
        self.userID = userID
        self.tokenHash = tokenHash
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.replacedBy = replacedBy
        self.revokedAt = revokedAt
    }

    /// Usable for a refresh at `now`: not replaced, not revoked, not expired.
    public func isUsable(at now: Date) -> Bool {
        replacedBy == nil && revokedAt == nil && expiresAt > now
    }
}

/// A refresh token to store. `familyID` is a new UUID at login; rotation copies the family.
public struct NewRefreshToken: Sendable, Hashable {
    public var id: UUID
    public var familyID: UUID
    public var userID: UUID
    public var tokenHash: String
    public var issuedAt: Date
    public var expiresAt: Date

    public init(
        id: UUID = UUID(), familyID: UUID = UUID(), userID: UUID, tokenHash: String, issuedAt: Date, expiresAt: Date
    ) {
        self.id = id
        self.familyID = familyID
        self.userID = userID
        self.tokenHash = tokenHash
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }
}

/// The outcome of presenting a refresh token for rotation.
public enum RefreshRotation: Sendable, Hashable {
    /// The presented token was valid; it is now replaced by `new`.
    case rotated(old: RefreshTokenRecord, new: RefreshTokenRecord)
    /// The presented token had already been replaced or revoked: the whole family is now revoked.
    case reuseDetected(RefreshTokenRecord)
    /// The presented token is past its expiry (nothing changed).
    case expired(RefreshTokenRecord)
    /// No token has this hash.
    case unknown
}
