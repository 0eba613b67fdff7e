import Foundation
import HTTPTypes
import Hummingbird
import Store

/// `/auth/register`, `/auth/login`, `/auth/refresh`, `/auth/logout`, `/auth/me`.
///
/// Login answers the same 401 for an unknown user and a wrong password (and spends the same
/// bcrypt time on both); after `loginLockoutThreshold` failures in a row the account is locked
/// for `loginLockoutDuration` (429 with `Retry-After`). Refresh rotates: each refresh token works
/// once, and presenting a used one revokes its whole family.
struct AuthRoutes {
    let services: APIServices

    func register(on groups: RouteGroups) {
        groups.anyone.post("/auth/register", use: register)
        groups.anyone.post("/auth/login", use: login)
        groups.anyone.post("/auth/refresh", use: refresh)
        groups.viewer.post("/auth/logout", use: logout)
        groups.viewer.get("/auth/me", use: me)
    }

    @Sendable func register(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard services.settings.registrationEnabled else {
            throw APIError(.registrationDisabled, "Self-service registration is disabled; ask an administrator for an account")
        }
        let body = try await request.decodeBody(RegisterRequest.self, context: context)
        var problems: [FieldProblem] = []
        let username = body.username.trimmingCharacters(in: .whitespaces)
        if !Self.isValidUsername(username) {
            problems.append(FieldProblem("body.username", "3 to 64 characters among letters, digits, '.', '_' and '-'"))
        }
        let email = body.email.trimmingCharacters(in: .whitespaces)
        if !Self.isPlausibleEmail(email) { problems.append(FieldProblem("body.email", "not a valid email address")) }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        if let violation = Passwords.policyViolation(body.password, minimumLength: services.settings.passwordMinimumLength) {
            throw APIError(.weakPassword, "body.password: \(violation)")
        }
        let hash = await Passwords.hash(body.password)
        let user = try await services.store.createUser(
            NewUser(username: username, email: email, fullName: body.fullName, passwordHash: hash, role: .viewer))
        await audit("auth.register", user: user.id, target: user.id)
        return try JSONResponse.encode(UserPayload(user: user), status: .created)
    }

    @Sendable func login(_ request: Request, context: APIRequestContext) async throws -> Response {
        let body = try await request.decodeBody(LoginRequest.self, context: context)
        let now = Date()
        guard let user = try await services.store.user(username: body.username) else {
            await Passwords.verifyWithoutUser(body.password)
            throw Self.invalidCredentials
        }
        if let lockedUntil = user.lockedUntil, lockedUntil > now {
            throw Self.locked(until: lockedUntil, now: now)
        }
        guard await Passwords.verify(body.password, hash: user.passwordHash) else {
            let updated = try await services.store.recordFailedLogin(
                userID: user.id, lockAfter: services.settings.loginLockoutThreshold,
                lockDuration: services.settings.loginLockoutDuration)
            await audit("auth.login_failed", user: user.id, target: user.id)
            if let lockedUntil = updated.lockedUntil, lockedUntil > now { throw Self.locked(until: lockedUntil, now: now) }
            throw Self.invalidCredentials
        }
        guard user.isActive else { throw APIError(.accountDisabled, "The account '\(user.username)' is disabled") }
        _ = try await services.store.recordSuccessfulLogin(userID: user.id)
        await audit("auth.login", user: user.id, target: user.id)
        return try await tokenPair(userID: user.id, family: UUID(), now: now)
    }

    @Sendable func refresh(_ request: Request, context: APIRequestContext) async throws -> Response {
        let body = try await request.decodeBody(RefreshRequest.self, context: context)
        guard let presented = body.refreshToken, !presented.isEmpty else {
            throw APIError.validation([FieldProblem("body.refresh_token", "field required")])
        }
        let claims = try await services.tokens.verifyRefreshToken(presented)
        let now = Date()
        let (token, record) = try await services.tokens.issueRefreshToken(userID: claims.userID, family: claims.family, now: now)
        switch try await services.store.rotateRefreshToken(presentedHash: TokenHash.sha256Hex(presented), next: record) {
        case .rotated(_, let new):
            guard let user = try await services.store.user(id: new.userID), user.isActive else {
                try await services.store.revokeRefreshFamily(familyID: new.familyID)
                throw APIError(.accountDisabled, "The account is disabled")
            }
            let access = try await services.tokens.issueAccessToken(userID: user.id, now: now)
            return try JSONResponse.encode(pair(access: access, refresh: token))
        case .reuseDetected(let old):
            await audit("auth.refresh_reuse", user: old.userID, target: old.familyID)
            throw APIError(
                .refreshTokenReused, "This refresh token was already used; every session of its login has been revoked",
                headers: [.wwwAuthenticate: "Bearer"])
        case .expired:
            throw APIError(.tokenExpired, "The refresh token has expired", headers: [.wwwAuthenticate: "Bearer"])
        case .unknown:
            throw APIError(.invalidToken, "The refresh token is not valid", headers: [.wwwAuthenticate: "Bearer"])
        }
    }

    @Sendable func logout(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        var request = request
        let body = try await request.decodeOptionalBody(RefreshRequest.self, context: context)
        if let presented = body?.refreshToken {
            guard let record = try await services.store.refreshToken(hash: TokenHash.sha256Hex(presented)),
                record.userID == principal.userID
            else { throw APIError(.invalidToken, "The refresh token is not valid") }
            try await services.store.revokeRefreshFamily(familyID: record.familyID)
        } else {
            try await services.store.revokeAllRefreshTokens(userID: principal.userID)
        }
        await audit("auth.logout", user: principal.userID, target: principal.userID)
        return Response(status: .noContent)
    }

    @Sendable func me(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard let user = try await services.store.user(id: principal.userID) else {
            throw APIError.notFound(.userNotFound, "User", id: principal.userID.apiString)
        }
        return try JSONResponse.encode(UserPayload(user: user))
    }

    private func tokenPair(userID: UUID, family: UUID, now: Date) async throws -> Response {
        let access = try await services.tokens.issueAccessToken(userID: userID, now: now)
        let (refresh, record) = try await services.tokens.issueRefreshToken(userID: userID, family: family, now: now)
        _ = try await services.store.issueRefreshToken(record)
        return try JSONResponse.encode(pair(access: access, refresh: refresh))
    }

    private func pair(access: String, refresh: String) -> TokenPairPayload {
        TokenPairPayload(
            accessToken: access, refreshToken: refresh, expiresIn: Int(services.tokens.accessTokenLifetime.seconds))
    }

    private func audit(_ action: String, user: UUID, target: UUID) async {
        try? await services.store.appendAuditEvent(
            AuditEventRecord(at: Date(), userID: user, action: action, targetType: "user", targetID: target.apiString))
    }

    private static let invalidCredentials = APIError(
        .invalidCredentials, "Incorrect username or password", headers: [.wwwAuthenticate: "Bearer"])

    private static func locked(until: Date, now: Date) -> APIError {
        let seconds = max(1, Int(until.timeIntervalSince(now).rounded(.up)))
        return APIError(
            .accountLocked, "Too many failed logins: the account is locked for \(seconds) s",
            headers: [.retryAfter: String(seconds)])
    }

    static func isValidUsername(_ name: String) -> Bool {
        (3...64).contains(name.count)
            && name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._-".unicodeScalars.contains($0) }
    }

    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return email.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !email.contains(" ")
    }
}
