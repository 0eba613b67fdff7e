#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPTypes
import Hummingbird
import JWTKit
import Store

/// Issues and verifies the HS256 JWTs of the API: short-lived access tokens and rotating refresh
/// tokens. Verification rejects a bad signature (tampered token, another key, `alg: none`), an
/// expired token and a token of the wrong kind, each with its own ``APIErrorCode``.
public struct TokenService: Sendable {
    /// How long an access token is valid.
    public let accessTokenLifetime: Duration
    /// How long a refresh token is valid.
    public let refreshTokenLifetime: Duration
    private let keys: JWTKeyCollection
    private let verifiedAccessTokens = VerifiedTokenCache()

    /// A service signing with `signingKey` (at least 32 bytes; see the daemon's `KeyMaterial`).
    public init(signingKey: [UInt8], accessTokenLifetime: Duration, refreshTokenLifetime: Duration) async {
        precondition(signingKey.count >= 32, "the JWT signing key must have at least 32 bytes")
        self.keys = await JWTKeyCollection().add(hmac: HMACKey(from: signingKey), digestAlgorithm: .sha256)
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
    }

    /// A signed access token for `userID`.
    public func issueAccessToken(userID: UUID, now: Date = Date()) async throws -> String {
        try await keys.sign(claims(.access, userID: userID, id: UUID(), family: nil, lifetime: accessTokenLifetime, now: now))
    }

    /// A signed refresh token of `family` and the store row that records it (by hash).
    public func issueRefreshToken(userID: UUID, family: UUID, now: Date = Date()) async throws -> (token: String, record: NewRefreshToken) {
        let id = UUID()
        let token = try await keys.sign(
            claims(.refresh, userID: userID, id: id, family: family, lifetime: refreshTokenLifetime, now: now))
        let record = NewRefreshToken(
            id: id, familyID: family, userID: userID, tokenHash: TokenHash.sha256Hex(token), issuedAt: now,
            expiresAt: now.addingTimeInterval(refreshTokenLifetime.seconds))
        return (token, record)
    }

    /// The user id of a valid access token.
    public func verifyAccessToken(_ token: String) async throws(APIError) -> UUID {
        if let userID = verifiedAccessTokens.userID(for: token, now: Date()) { return userID }
        let verified = try await verify(token, as: .access)
        verifiedAccessTokens.insert(token, userID: verified.userID, expires: verified.expires)
        return verified.userID
    }

    /// The user and family of a valid refresh token.
    public func verifyRefreshToken(_ token: String) async throws(APIError) -> (userID: UUID, family: UUID) {
        let verified = try await verify(token, as: .refresh)
        guard let family = verified.family else { throw APIError(.invalidToken, "The refresh token has no family") }
        return (verified.userID, family)
    }

    private func verify(_ token: String, as kind: TokenClaims.Kind) async throws(APIError)
        -> (userID: UUID, family: UUID?, expires: Date)
    {
        let claims: TokenClaims
        do {
            claims = try await keys.verify(token, as: TokenClaims.self)
        } catch let error as JWTError where error.errorType == .claimVerificationFailure {
            throw APIError(.tokenExpired, "The \(kind.rawValue) token has expired", headers: Self.challenge)
        } catch {
            throw APIError(.invalidToken, "The \(kind.rawValue) token is not valid", headers: Self.challenge)
        }
        guard claims.typ == kind, let userID = UUID(uuidString: claims.sub.value) else {
            throw APIError(.invalidToken, "The token is not a \(kind.rawValue) token", headers: Self.challenge)
        }
        return (userID, claims.fam.flatMap(UUID.init(uuidString:)), claims.exp.value)
    }

    private func claims(_ kind: TokenClaims.Kind, userID: UUID, id: UUID, family: UUID?, lifetime: Duration, now: Date) -> TokenClaims {
        TokenClaims(
            sub: .init(value: userID.uuidString), exp: .init(value: now.addingTimeInterval(lifetime.seconds)),
            iat: .init(value: now), jti: .init(value: id.uuidString), typ: kind, fam: family?.uuidString)
    }

    private static var challenge: HTTPFields { [.wwwAuthenticate: "Bearer"] }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
