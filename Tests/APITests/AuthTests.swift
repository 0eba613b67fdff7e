import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@Suite("Auth routes")
struct AuthTests {
    @Test("register answers 201 with the document's fields, always as viewer")
    func registerSeedPayload() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let withRole = SeedPayloads.register.replacingOccurrences(of: "\"full_name\"", with: "\"role\": \"admin\", \"full_name\"")
            let response = try await api.send(.post, "/api/v1/auth/register", json: withRole)
            #expect(response.status == .created)
            let body = response.json
            #expect(body["username"] as? String == "john_doe")
            #expect(body["email"] as? String == "john@example.com")
            #expect(body["full_name"] as? String == "John Doe")
            #expect(body["role"] as? String == "viewer")
            #expect(UUID(uuidString: body["id"] as? String ?? "") != nil)
            #expect(body["password"] == nil && body["password_hash"] == nil)
        }
    }

    @Test("register refuses duplicates (409), weak passwords and bad fields (422), and can be switched off (403)")
    func registerErrors() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let taken = try await api.send(.post, "/api/v1/auth/register", json: #"{"username":"viewer","email":"v2@example.com","password":"long-enough-1"}"#)
            #expect(taken.status == .conflict && taken.isError("CONFLICT"))
            let weak = try await api.send(.post, "/api/v1/auth/register", json: #"{"username":"newbie","email":"n@example.com","password":"short"}"#)
            #expect(weak.status == .unprocessableContent && weak.isError("WEAK_PASSWORD"))
            let badEmail = try await api.send(.post, "/api/v1/auth/register", json: #"{"username":"x","email":"nope","password":"long-enough-1"}"#)
            #expect(badEmail.status == .unprocessableContent && badEmail.isError("VALIDATION_ERROR"))
            #expect((badEmail.json["detail"] as? String)?.contains("body.email") == true)
            #expect((badEmail.json["detail"] as? String)?.contains("body.username") == true)
            let missing = try await api.send(.post, "/api/v1/auth/register", json: #"{"username":"newbie"}"#)
            #expect(missing.status == .unprocessableContent && missing.isError("VALIDATION_ERROR"))
            let malformed = try await api.send(.post, "/api/v1/auth/register", json: #"{"username":"#)
            #expect(malformed.status == .badRequest && malformed.isError("MALFORMED_JSON"))
            let wrongType = try await api.send(.post, "/api/v1/auth/register", json: SeedPayloads.register, headers: [.contentType: "text/plain"])
            #expect(wrongType.status == .unsupportedMediaType && wrongType.isError("UNSUPPORTED_MEDIA_TYPE"))
        }
        let closed = try await APIHarness.make(settings: APISettings(rateLimitPerMinute: 0, registrationEnabled: false))
        try await closed.run { api in
            let response = try await api.send(.post, "/api/v1/auth/register", json: SeedPayloads.register)
            #expect(response.status == .forbidden && response.isError("REGISTRATION_DISABLED"))
        }
    }

    @Test("login takes a form, returns access and refresh tokens of type bearer that work on /auth/me")
    func loginAndMe() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let response = try await api.send(
                .post, "/api/v1/auth/login", json: "username=developer&password=\(APIHarness.password)",
                headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(response.status == .ok)
            let body = response.json
            #expect(body["token_type"] as? String == "bearer")
            let access = try #require(body["access_token"] as? String)
            #expect(access.hasPrefix("eyJ") && (body["refresh_token"] as? String)?.hasPrefix("eyJ") == true)
            let me = try await api.send(.get, "/api/v1/auth/me", bearer: access)
            #expect(me.status == .ok)
            #expect(me.json["username"] as? String == "developer")
            #expect(me.json["role"] as? String == "developer")
            #expect(me.json["is_active"] as? Bool == true)
            #expect(me.json["email"] as? String == "developer@example.com")
            #expect(me.json["full_name"] as? String == "Developer")
            let json = try await api.send(.post, "/api/v1/auth/login", json: #"{"username":"viewer","password":"\#(APIHarness.password)"}"#)
            #expect(json.status == .ok)
        }
    }

    @Test("wrong password and unknown user give the same 401; repeated failures lock the account (429 + Retry-After)")
    func loginFailuresAndLockout() async throws {
        let harness = try await APIHarness.make(
            settings: APISettings(rateLimitPerMinute: 0, loginLockoutThreshold: 3, loginLockoutDuration: .seconds(60)))
        try await harness.run { api in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let unknown = try await api.send(.post, "/api/v1/auth/login", json: "username=ghost&password=whatever", headers: form)
            #expect(unknown.status == .unauthorized && unknown.isError("INVALID_CREDENTIALS"))
            for _ in 0..<2 {
                let wrong = try await api.send(.post, "/api/v1/auth/login", json: "username=viewer&password=nope", headers: form)
                #expect(wrong.status == .unauthorized && wrong.isError("INVALID_CREDENTIALS"))
                #expect(wrong.json["detail"] as? String == unknown.json["detail"] as? String)
            }
            let third = try await api.send(.post, "/api/v1/auth/login", json: "username=viewer&password=nope", headers: form)
            #expect(third.status == .tooManyRequests && third.isError("ACCOUNT_LOCKED"))
            #expect(Int(third.headers[.retryAfter] ?? "") ?? 0 > 0)
            let evenRight = try await api.send(
                .post, "/api/v1/auth/login", json: "username=viewer&password=\(APIHarness.password)", headers: form)
            #expect(evenRight.status == .tooManyRequests && evenRight.isError("ACCOUNT_LOCKED"))
            let missing = try await api.send(.post, "/api/v1/auth/login", json: "username=viewer", headers: form)
            #expect(missing.status == .unprocessableContent && missing.isError("VALIDATION_ERROR"))
            // Found by schemathesis: the form decoder's own errors are a 400, not a 500.
            let duplicated = try await api.send(.post, "/api/v1/auth/login", json: "username=a&username=b&password=x", headers: form)
            #expect(duplicated.status == .badRequest && duplicated.isError("BAD_REQUEST"))
        }
    }

    @Test("a deactivated account cannot log in (403) and its tokens stop working")
    func deactivatedAccount() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            _ = try await harness.store.updateUser(id: harness.viewer.id, UserUpdate(isActive: false))
            let login = try await api.send(.post, "/api/v1/auth/login", json: #"{"username":"viewer","password":"\#(APIHarness.password)"}"#)
            #expect(login.status == .forbidden && login.isError("ACCOUNT_DISABLED"))
            let me = try await api.send(.get, "/api/v1/auth/me", as: .viewer)
            #expect(me.status == .forbidden && me.isError("ACCOUNT_DISABLED"))
        }
    }

    @Test("refresh rotates; presenting a used refresh token revokes the whole family")
    func refreshRotationAndReuse() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let login = try await api.send(.post, "/api/v1/auth/login", json: #"{"username":"viewer","password":"\#(APIHarness.password)"}"#)
            let first = try #require(login.json["refresh_token"] as? String)
            let rotated = try await api.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token": "\#(first)"}"#)
            #expect(rotated.status == .ok)
            let second = try #require(rotated.json["refresh_token"] as? String)
            #expect(second != first)
            #expect(rotated.json["token_type"] as? String == "bearer")
            let access = try #require(rotated.json["access_token"] as? String)
            #expect(try await api.send(.get, "/api/v1/auth/me", bearer: access).status == .ok)

            let reuse = try await api.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token": "\#(first)"}"#)
            #expect(reuse.status == .unauthorized && reuse.isError("REFRESH_TOKEN_REUSED"))
            let familyGone = try await api.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token": "\#(second)"}"#)
            #expect(familyGone.status == .unauthorized && familyGone.isError("REFRESH_TOKEN_REUSED"))

            let accessAsRefresh = try await api.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token": "\#(access)"}"#)
            #expect(accessAsRefresh.status == .unauthorized && accessAsRefresh.isError("INVALID_TOKEN"))
            let missing = try await api.send(.post, "/api/v1/auth/refresh", json: "{}")
            #expect(missing.status == .unprocessableContent && missing.isError("VALIDATION_ERROR"))
        }
    }

    @Test("logout revokes the presented refresh token's family (204)")
    func logout() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let login = try await api.send(.post, "/api/v1/auth/login", json: #"{"username":"viewer","password":"\#(APIHarness.password)"}"#)
            let refresh = try #require(login.json["refresh_token"] as? String)
            let access = try #require(login.json["access_token"] as? String)
            let out = try await api.send(.post, "/api/v1/auth/logout", bearer: access, json: #"{"refresh_token": "\#(refresh)"}"#)
            #expect(out.status == .noContent)
            let after = try await api.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token": "\#(refresh)"}"#)
            #expect(after.status == .unauthorized)
            let anonymous = try await api.send(.post, "/api/v1/auth/logout")
            #expect(anonymous.status == .unauthorized && anonymous.isError("NOT_AUTHENTICATED"))
            #expect(anonymous.headers[.wwwAuthenticate] == "Bearer")
            let everywhere = try await api.send(.post, "/api/v1/auth/logout", as: .viewer)
            #expect(everywhere.status == .noContent)
        }
    }
}
