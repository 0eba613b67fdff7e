#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JWTKit

/// The claims of the JWTs etl-builder issues. Access and refresh tokens share the shape and differ
/// by `typ`, so that one can never be used as the other.
struct TokenClaims: JWTPayload, Equatable {
    /// Which of the two tokens this is.
    enum Kind: String, Codable, Sendable {
        case access
        case refresh
    }

    /// The user id.
    var sub: SubjectClaim
    var exp: ExpirationClaim
    var iat: IssuedAtClaim
    /// Unique per token; a refresh token's `jti` is its store id.
    var jti: IDClaim
    var typ: Kind
    /// The refresh-token family (refresh tokens only).
    var fam: String?

    func verify(using algorithm: some JWTAlgorithm) throws {
        try exp.verifyNotExpired()
    }
}
