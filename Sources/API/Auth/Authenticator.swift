#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPTypes
import Store

/// Turns a presented credential (JWT access token or API key) into a ``Principal``.
///
/// The user's role and activation are read from the store (through a one-second
/// ``PrincipalCache``), not trusted from the token, so a role change or a deactivation takes
/// effect at once rather than when the token expires.
public struct Authenticator: Sendable {
    let store: any MetadataStore
    let tokens: TokenService
    let cache = PrincipalCache()

    /// An authenticator reading users and keys from `store`.
    public init(store: any MetadataStore, tokens: TokenService) {
        self.store = store
        self.tokens = tokens
    }

    /// Forgets what is cached about `userID` (after its role or activation changed).
    func userChanged(_ userID: UUID) { cache.evict(userID) }

    /// The principal of `credential` (`Authorization: Bearer` value, `X-API-Key` value or WebSocket token).
    public func authenticate(_ credential: String, now: Date = Date()) async throws -> Principal {
        if APIKeyFormat.matches(credential) {
            return try await authenticateAPIKey(credential, now: now)
        }
        let userID = try await tokens.verifyAccessToken(credential)
        return try await principal(userID: userID, credential: .accessToken)
    }

    private func authenticateAPIKey(_ key: String, now: Date) async throws -> Principal {
        guard let record = try await store.apiKey(hash: TokenHash.sha256Hex(key)) else {
            throw APIError(.invalidToken, "The API key is not valid", headers: [.wwwAuthenticate: "Bearer"])
        }
        guard record.isUsable(at: now) else {
            let reason = record.revokedAt != nil ? "has been revoked" : "has expired"
            let code: APIErrorCode = record.revokedAt != nil ? .invalidToken : .tokenExpired
            throw APIError(code, "The API key \(reason)", headers: [.wwwAuthenticate: "Bearer"])
        }
        // `last_used_at` is informative: writing it at most once a minute keeps reads read-only.
        if record.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await store.touchAPIKey(id: record.id)
        }
        return try await principal(userID: record.userID, credential: .apiKey(record.id))
    }

    private func principal(userID: UUID, credential: Principal.Credential) async throws -> Principal {
        let entry: PrincipalCache.Entry
        if let cached = cache.entry(for: userID) {
            entry = cached
        } else {
            guard let user = try await store.user(id: userID) else {
                throw APIError(.invalidToken, "The user of this credential no longer exists", headers: [.wwwAuthenticate: "Bearer"])
            }
            cache.store(user)
            entry = .init(username: user.username, role: user.role, isActive: user.isActive, expires: .now)
        }
        guard entry.isActive else { throw APIError(.accountDisabled, "The account '\(entry.username)' is disabled") }
        return Principal(userID: userID, username: entry.username, role: entry.role, credential: credential)
    }
}
