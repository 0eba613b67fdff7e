import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@Suite("Tokens and API keys")
struct TokenTests {
    @Test("an expired access token is refused with TOKEN_EXPIRED")
    func expired() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let old = try await harness.tokens.issueAccessToken(userID: harness.admin.id, now: Date().addingTimeInterval(-3600))
            let response = try await api.send(.get, "/api/v1/auth/me", bearer: old)
            #expect(response.status == .unauthorized && response.isError("TOKEN_EXPIRED"))
        }
    }

    @Test("tampered payload, alg none, another key, garbage: INVALID_TOKEN")
    func forged() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let token = try await harness.tokens.issueAccessToken(userID: harness.viewer.id)
            let parts = token.split(separator: ".").map(String.init)
            // Same signature, payload claiming the admin.
            let payload = try #require(Self.decode(parts[1]))
            let forgedPayload = payload.replacingOccurrences(of: harness.viewer.id.uuidString, with: harness.admin.id.uuidString)
            #expect(forgedPayload != payload)
            let tampered = [parts[0], Self.encode(forgedPayload), parts[2]].joined(separator: ".")
            let none = [Self.encode(#"{"alg":"none","typ":"JWT"}"#), parts[1], ""].joined(separator: ".")
            let other = try await TokenService(
                signingKey: Array("another-key-another-key-another-key!!".utf8), accessTokenLifetime: .seconds(60),
                refreshTokenLifetime: .seconds(60)
            ).issueAccessToken(userID: harness.viewer.id)
            let hs512Header = Self.encode(#"{"alg":"HS512","typ":"JWT"}"#)
            let algSwap = [hs512Header, parts[1], parts[2]].joined(separator: ".")
            for bad in [tampered, none, other, algSwap, "not-a-jwt", parts[0] + "." + parts[1]] {
                let response = try await api.send(.get, "/api/v1/pipelines", bearer: bad)
                #expect(response.status == .unauthorized && response.isError("INVALID_TOKEN"), "\(bad)")
            }
            #expect(try await api.send(.get, "/api/v1/pipelines", bearer: token).status == .ok)
        }
    }

    @Test("a refresh token is not an access token")
    func refreshIsNotAccess() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let (refresh, _) = try await harness.tokens.issueRefreshToken(userID: harness.admin.id, family: UUID())
            let response = try await api.send(.get, "/api/v1/auth/me", bearer: refresh)
            #expect(response.status == .unauthorized && response.isError("INVALID_TOKEN"))
        }
    }

    @Test("API keys: shown once, stored hashed, accepted as Bearer or X-API-Key, revoked by DELETE")
    func apiKeys() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let created = try await api.send(.post, "/api/v1/auth/api-keys", as: .developer, json: #"{"name": "ci script", "expires_in_days": 30}"#)
            #expect(created.status == .created)
            let key = try #require(created.json["key"] as? String)
            let id = try #require(created.json["id"] as? String)
            #expect(key.hasPrefix("etlb_") && key.count == 45)
            #expect(created.json["expires_at"] is String)
            let stored = try await harness.store.apiKeys(userID: harness.developer.id)
            #expect(stored.count == 1 && stored[0].keyHash == TokenHash.sha256Hex(key) && !stored[0].keyHash.contains(key))

            let listed = try await api.send(.get, "/api/v1/auth/api-keys", as: .developer)
            let keys = try #require(listed.json["api_keys"] as? [[String: Any]])
            #expect(keys.count == 1 && keys[0]["key"] == nil && keys[0]["name"] as? String == "ci script")
            #expect((keys[0]["prefix"] as? String).map { key.hasPrefix($0) } == true)

            let viaHeader = try await api.send(.get, "/api/v1/auth/me", headers: [.apiKey: key])
            #expect(viaHeader.status == .ok && viaHeader.json["username"] as? String == "developer")
            let viaBearer = try await api.send(.post, "/api/v1/pipelines", bearer: key, json: SeedPayloads.createPipeline)
            #expect(viaBearer.status == .created)
            let pipelineID = try #require(viaBearer.json["id"] as? String)
            let executed = try await api.send(.post, "/api/v1/pipelines/\(pipelineID)/execute", bearer: key)
            let execution = try await harness.store.execution(id: UUID(uuidString: executed.json["execution_id"] as! String)!)
            #expect(execution?.triggerType == .api)

            let otherUser = try await api.send(.delete, "/api/v1/auth/api-keys/\(id)", as: .admin)
            #expect(otherUser.status == .notFound && otherUser.isError("API_KEY_NOT_FOUND"))
            #expect(try await api.send(.delete, "/api/v1/auth/api-keys/\(id)", as: .developer).status == .noContent)
            let revoked = try await api.send(.get, "/api/v1/auth/me", headers: [.apiKey: key])
            #expect(revoked.status == .unauthorized && revoked.isError("INVALID_TOKEN"))
            let unknown = try await api.send(.get, "/api/v1/auth/me", headers: [.apiKey: "etlb_" + String(repeating: "x", count: 40)])
            #expect(unknown.status == .unauthorized && unknown.isError("INVALID_TOKEN"))
            let badName = try await api.send(.post, "/api/v1/auth/api-keys", as: .viewer, json: #"{"name": ""}"#)
            #expect(badName.status == .unprocessableContent && badName.isError("VALIDATION_ERROR"))
        }
    }

    static func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ part: String) -> String? {
        var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) }
    }
}
