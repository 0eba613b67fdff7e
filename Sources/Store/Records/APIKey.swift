#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A stored API key. The key itself is shown once at creation; the store keeps its SHA-256
/// hash (see ``TokenHash``) and a short `prefix` for display.
public struct APIKeyRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var userID: UUID
    public var name: String
    public var prefix: String
    public var keyHash: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var expiresAt: Date?
    public var revokedAt: Date?

    public init(
        id: UUID, userID: UUID, name: String, prefix: String, keyHash: String, createdAt: Date, lastUsedAt: Date?,
        expiresAt: Date?, revokedAt: Date?
    ) {
        self.id = id
        self.userID = userID
        self.name = name
        self.prefix = prefix
        self.keyHash = keyHash
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Accepted for authentication at `now`: not revoked, not expired.
    public func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }
}

/// An API key to store.
public struct NewAPIKey: Sendable, Hashable {
    public var id: UUID
    public var userID: UUID
    public var name: String
    public var prefix: String
    public var keyHash: String
    public var expiresAt: Date?

    public init(id: UUID = UUID(), userID: UUID, name: String, prefix: String, keyHash: String, expiresAt: Date? = nil) {
        self.id = id
        self.userID = userID
        self.name = name
        self.prefix = prefix
        self.keyHash = keyHash
        self.expiresAt = expiresAt
    }
}
