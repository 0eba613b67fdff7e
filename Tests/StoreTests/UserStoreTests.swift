import Foundation
import Testing

@testable import Store

@Suite("Users, refresh tokens and API keys")
struct UserStoreTests {
    @Test("a created user is found by id and, case-insensitively, by username", arguments: StoreBackendFactory.all)
    func createAndFind(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let store = f.store
            let created = try await store.createUser(
                NewUser(username: "John_Doe", email: "john@example.com", fullName: "John Doe", passwordHash: "$2b$hash"))
            #expect(created.role == .viewer)
            #expect(created.isActive)
            #expect(created.failedLoginCount == 0)
            #expect(created.createdAt == Timestamp.normalize(f.clock.now))
            #expect(created.updatedAt == created.createdAt)
            #expect(created.lastLoginAt == nil)

            #expect(try await store.user(id: created.id) == created)
            #expect(try await store.user(username: "john_doe") == created)
            #expect(try await store.user(username: "JOHN_DOE")?.id == created.id)
            #expect(try await store.user(username: "nobody") == nil)
            #expect(try await store.user(id: UUID()) == nil)
            #expect(try await store.countUsers() == 1)
        }
    }

    @Test("username and email are unique regardless of case", arguments: StoreBackendFactory.all)
    func uniqueness(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            _ = try await f.store.createUser(NewUser(username: "alice", email: "alice@example.com", passwordHash: "h"))
            await expectStoreError(.conflict(entity: "user", field: "username")) {
                try await f.store.createUser(NewUser(username: "ALICE", email: "other@example.com", passwordHash: "h"))
            }
            await expectStoreError(.conflict(entity: "user", field: "email")) {
                try await f.store.createUser(NewUser(username: "alice2", email: "Alice@Example.com", passwordHash: "h"))
            }
            let bob = try await f.store.createUser(NewUser(username: "bob", email: "bob@example.com", passwordHash: "h"))
            await expectStoreError(.conflict(entity: "user", field: "email")) {
                try await f.store.updateUser(id: bob.id, UserUpdate(email: "ALICE@example.com"))
            }
            let fixedID = UUID()
            _ = try await f.store.createUser(NewUser(id: fixedID, username: "carol", email: "c@x.io", passwordHash: "h"))
            await expectStoreError(.conflict(entity: "user", field: "id")) {
                try await f.store.createUser(NewUser(id: fixedID, username: "dave", email: "d@x.io", passwordHash: "h"))
            }
            #expect(try await f.store.countUsers() == 3)
        }
    }

    @Test("users list in creation order, a page at a time, with the total", arguments: StoreBackendFactory.all)
    func listPaged(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            var names: [String] = []
            for i in 0..<5 {
                names.append("u\(i)")
                _ = try await f.store.makeUser("u\(i)")
                f.clock.advance(by: 1)
            }
            let first = try await f.store.listUsers(page: PageRequest(page: 1, pageSize: 2))
            #expect(first.items.map(\.username) == ["u0", "u1"])
            #expect(first.total == 5)
            #expect(first.totalPages == 3)
            let last = try await f.store.listUsers(page: PageRequest(page: 3, pageSize: 2))
            #expect(last.items.map(\.username) == ["u4"])
            let beyond = try await f.store.listUsers(page: PageRequest(page: 9, pageSize: 2))
            #expect(beyond.items.isEmpty)
            #expect(beyond.total == 5)
            await expectStoreError(.invalidArgument("page must be at least 1 (got 0)")) {
                try await f.store.listUsers(page: PageRequest(page: 0, pageSize: 2))
            }
        }
    }

    @Test("an update changes only the given fields and stamps updated_at", arguments: StoreBackendFactory.all)
    func update(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let user = try await f.store.makeUser("erin")
            f.clock.advance(by: 60)
            let updated = try await f.store.updateUser(
                id: user.id,
                UserUpdate(email: "erin@new.example", fullName: .some(nil), passwordHash: "$2b$new", role: .developer))
            #expect(updated.email == "erin@new.example")
            #expect(updated.fullName == nil)
            #expect(updated.passwordHash == "$2b$new")
            #expect(updated.role == .developer)
            #expect(updated.isActive)
            #expect(updated.username == "erin")
            #expect(updated.updatedAt == user.updatedAt.addingTimeInterval(60))
            #expect(updated.createdAt == user.createdAt)

            let deactivated = try await f.store.updateUser(id: user.id, UserUpdate(isActive: false))
            #expect(!deactivated.isActive)
            #expect(deactivated.role == .developer)
            #expect(try await f.store.user(id: user.id) == deactivated)

            let missing = UUID()
            await expectStoreError(.notFound(entity: "user", id: missing.uuidString.lowercased())) {
                try await f.store.updateUser(id: missing, UserUpdate(role: .admin))
            }
        }
    }

    @Test("failed logins lock the account after the limit; a success resets it", arguments: StoreBackendFactory.all)
    func loginAccounting(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let user = try await f.store.makeUser("frank")
            var record = try await f.store.recordFailedLogin(userID: user.id, lockAfter: 3, lockDuration: .seconds(900))
            #expect(record.failedLoginCount == 1)
            #expect(record.lockedUntil == nil)
            record = try await f.store.recordFailedLogin(userID: user.id, lockAfter: 3, lockDuration: .seconds(900))
            record = try await f.store.recordFailedLogin(userID: user.id, lockAfter: 3, lockDuration: .seconds(900))
            #expect(record.failedLoginCount == 3)
            #expect(record.lockedUntil == Timestamp.normalize(f.clock.now.addingTimeInterval(900)))

            f.clock.advance(by: 5)
            let ok = try await f.store.recordSuccessfulLogin(userID: user.id)
            #expect(ok.failedLoginCount == 0)
            #expect(ok.lockedUntil == nil)
            #expect(ok.lastLoginAt == Timestamp.normalize(f.clock.now))

            let missing = UUID()
            await expectStoreError(.notFound(entity: "user", id: missing.uuidString.lowercased())) {
                try await f.store.recordSuccessfulLogin(userID: missing)
            }
        }
    }

    // MARK: Refresh tokens

    @Test("rotation replaces the presented token by a new one of the same family", arguments: StoreBackendFactory.all)
    func refreshRotation(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let user = try await f.store.makeUser()
            let now = f.clock.now
            let first = try await f.store.issueRefreshToken(
                NewRefreshToken(userID: user.id, tokenHash: "hash-1", issuedAt: now, expiresAt: now + 3600))
            #expect(try await f.store.refreshToken(hash: "hash-1") == first)
            #expect(try await f.store.refreshToken(hash: "nope") == nil)

            let rotation = try await f.store.rotateRefreshToken(
                presentedHash: "hash-1",
                next: NewRefreshToken(userID: user.id, tokenHash: "hash-2", issuedAt: now, expiresAt: now + 3600))
            guard case .rotated(let old, let new) = rotation else {
                Issue.record("expected rotation, got \(rotation)")
                return
            }
            #expect(old.id == first.id)
            #expect(old.replacedBy == new.id)
            #expect(new.familyID == first.familyID)
            #expect(new.userID == user.id)
            #expect(new.isUsable(at: now))
            #expect(try await f.store.refreshToken(hash: "hash-1")?.replacedBy == new.id)

            // The successor rotates in turn.
            let again = try await f.store.rotateRefreshToken(
                presentedHash: "hash-2",
                next: NewRefreshToken(userID: user.id, tokenHash: "hash-3", issuedAt: now, expiresAt: now + 3600))
            guard case .rotated = again else {
                Issue.record("expected rotation, got \(again)")
                return
            }
        }
    }

    @Test("presenting a replaced token revokes the whole family", arguments: StoreBackendFactory.all)
    func refreshReuse(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let user = try await f.store.makeUser()
            let now = f.clock.now
            let first = try await f.store.issueRefreshToken(
                NewRefreshToken(userID: user.id, tokenHash: "a", issuedAt: now, expiresAt: now + 3600))
            _ = try await f.store.rotateRefreshToken(
                presentedHash: "a", next: NewRefreshToken(userID: user.id, tokenHash: "b", issuedAt: now, expiresAt: now + 3600))
            // An unrelated family of the same user must survive.
            let other = try await f.store.issueRefreshToken(
                NewRefreshToken(userID: user.id, tokenHash: "other", issuedAt: now, expiresAt: now + 3600))

            let reuse = try await f.store.rotateRefreshToken(
                presentedHash: "a", next: NewRefreshToken(userID: user.id, tokenHash: "c", issuedAt: now, expiresAt: now + 3600))
            guard case .reuseDetected(let token) = reuse else {
                Issue.record("expected reuse detection, got \(reuse)")
                return
            }
            #expect(token.id == first.id)
            #expect(try await f.store.refreshToken(hash: "b")?.revokedAt != nil)
            #expect(try await f.store.refreshToken(hash: "a")?.revokedAt != nil)
            #expect(try await f.store.refreshToken(hash: "c") == nil)
            #expect(try await f.store.refreshToken(hash: "other")?.revokedAt == nil)
            // The revoked successor is reuse too.
            let afterRevoke = try await f.store.rotateRefreshToken(
                presentedHash: "b", next: NewRefreshToken(userID: user.id, tokenHash: "d", issuedAt: now, expiresAt: now + 3600))
            guard case .reuseDetected = afterRevoke else {
                Issue.record("expected reuse detection, got \(afterRevoke)")
                return
            }
            #expect(other.familyID != first.familyID)
        }
    }

    @Test("expired and unknown tokens do not rotate", arguments: StoreBackendFactory.all)
    func refreshExpiredUnknown(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let user = try await f.store.makeUser()
            let now = f.clock.now
            _ = try await f.store.issueRefreshToken(
                NewRefreshToken(userID: user.id, tokenHash: "short", issuedAt: now, expiresAt: now + 10))
            f.clock.advance(by: 11)
            let next = NewRefreshToken(userID: user.id, tokenHash: "n", issuedAt: now, expiresAt: now + 100)
            guard case .expired = try await f.store.rotateRefreshToken(presentedHash: "short", next: next) else {
                Issue.record("expected expiry")
                return
            }
            #expect(try await f.store.rotateRefreshToken(presentedHash: "missing", next: next) == .unknown)
            #expect(try await f.store.refreshToken(hash: "n") == nil)
            #expect(try await f.store.deleteExpiredRefreshTokens(before: f.clock.now) == 1)
            #expect(try await f.store.refreshToken(hash: "short") == nil)
        }
    }

    @Test("families and all of a user's tokens can be revoked", arguments: StoreBackendFactory.all)
    func refreshRevocation(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let user = try await f.store.makeUser()
            let otherUser = try await f.store.makeUser()
            let now = f.clock.now
            let family = UUID()
            _ = try await f.store.issueRefreshToken(
                NewRefreshToken(familyID: family, userID: user.id, tokenHash: "f1", issuedAt: now, expiresAt: now + 60))
            _ = try await f.store.issueRefreshToken(
                NewRefreshToken(userID: user.id, tokenHash: "g1", issuedAt: now, expiresAt: now + 60))
            _ = try await f.store.issueRefreshToken(
                NewRefreshToken(userID: otherUser.id, tokenHash: "h1", issuedAt: now, expiresAt: now + 60))
            #expect(try await f.store.revokeRefreshFamily(familyID: family) == 1)
            #expect(try await f.store.revokeRefreshFamily(familyID: family) == 0)
            #expect(try await f.store.revokeAllRefreshTokens(userID: user.id) == 1)
            #expect(try await f.store.refreshToken(hash: "g1")?.revokedAt == Timestamp.normalize(now))
            #expect(try await f.store.refreshToken(hash: "h1")?.revokedAt == nil)

            let ghost = UUID()
            await expectStoreError(.notFound(entity: "user", id: ghost.uuidString.lowercased())) {
                try await f.store.issueRefreshToken(
                    NewRefreshToken(userID: ghost, tokenHash: "x", issuedAt: now, expiresAt: now + 60))
            }
            await expectStoreError(.conflict(entity: "refresh token", field: "token_hash")) {
                try await f.store.issueRefreshToken(
                    NewRefreshToken(userID: user.id, tokenHash: "f1", issuedAt: now, expiresAt: now + 60))
            }
        }
    }

    // MARK: API keys

    @Test("API keys are created, listed, found by hash, touched and revoked", arguments: StoreBackendFactory.all)
    func apiKeys(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let user = try await f.store.makeUser()
            let secret = "etl_live_0123456789abcdef"
            let key = try await f.store.createAPIKey(
                NewAPIKey(userID: user.id, name: "ci", prefix: String(secret.prefix(12)), keyHash: TokenHash.sha256Hex(secret)))
            #expect(key.createdAt == Timestamp.normalize(f.clock.now))
            #expect(key.isUsable(at: f.clock.now))
            f.clock.advance(by: 1)
            let second = try await f.store.createAPIKey(
                NewAPIKey(userID: user.id, name: "laptop", prefix: "etl_live_ff", keyHash: TokenHash.sha256Hex("other"),
                    expiresAt: f.clock.now + 10))
            #expect(try await f.store.apiKeys(userID: user.id).map(\.name) == ["laptop", "ci"])
            #expect(try await f.store.apiKey(hash: TokenHash.sha256Hex(secret)) == key)
            #expect(try await f.store.apiKey(hash: "unknown") == nil)
            #expect(!second.isUsable(at: f.clock.now + 11))

            f.clock.advance(by: 5)
            try await f.store.touchAPIKey(id: key.id)
            #expect(try await f.store.apiKey(hash: key.keyHash)?.lastUsedAt == Timestamp.normalize(f.clock.now))

            let revoked = try await f.store.revokeAPIKey(id: key.id)
            #expect(revoked.revokedAt == Timestamp.normalize(f.clock.now))
            #expect(!revoked.isUsable(at: f.clock.now))
            f.clock.advance(by: 5)
            #expect(try await f.store.revokeAPIKey(id: key.id).revokedAt == revoked.revokedAt)

            await expectStoreError(.conflict(entity: "API key", field: "key_hash")) {
                try await f.store.createAPIKey(NewAPIKey(userID: user.id, name: "dup", prefix: "p", keyHash: key.keyHash))
            }
            let ghost = UUID()
            await expectStoreError(.notFound(entity: "user", id: ghost.uuidString.lowercased())) {
                try await f.store.createAPIKey(NewAPIKey(userID: ghost, name: "x", prefix: "p", keyHash: "h"))
            }
            await expectStoreError(.notFound(entity: "API key", id: ghost.uuidString.lowercased())) {
                try await f.store.touchAPIKey(id: ghost)
            }
        }
    }
}
