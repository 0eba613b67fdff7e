import SQLiteNIO

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// Refresh-token families and API keys.
extension SQLiteMetadataStore {
    static let refreshColumns = "id, family_id, user_id, token_hash, issued_at, expires_at, replaced_by, revoked_at"

    static func decodeRefresh(_ row: SQLiteRow) throws(StoreError) -> RefreshTokenRecord {
        let r = RowReader(row)
        return RefreshTokenRecord(
            id: try r.uuid("id"), familyID: try r.uuid("family_id"), userID: try r.uuid("user_id"),
            tokenHash: try r.text("token_hash"), issuedAt: try r.date("issued_at"), expiresAt: try r.date("expires_at"),
            replacedBy: try r.optUUID("replaced_by"), revokedAt: try r.optDate("revoked_at"))
    }

    private static func insertRefresh(_ token: NewRefreshToken, on connection: SQLiteConnection) async throws
        -> RefreshTokenRecord
    {
        let rows = try await connection.query(
            """
            INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            RETURNING \(refreshColumns)
            """,
            [
                .uuid(token.id), .uuid(token.familyID), .uuid(token.userID), .text(token.tokenHash),
                .timestamp(Timestamp.normalize(token.issuedAt)), .timestamp(Timestamp.normalize(token.expiresAt)),
            ])
        return try decodeRefresh(try single(rows, entity: "refresh token", id: token.id))
    }

    public func issueRefreshToken(_ token: NewRefreshToken) async throws(StoreError) -> RefreshTokenRecord {
        try await transaction(foreignKey: .notFound(entity: "user", id: token.userID.uuidString.lowercased())) {
            connection in
            try await Self.insertRefresh(token, on: connection)
        }
    }

    public func refreshToken(hash: String) async throws(StoreError) -> RefreshTokenRecord? {
        let rows = try await access { connection in
            try await connection.query(
                "SELECT \(Self.refreshColumns) FROM refresh_tokens WHERE token_hash = ?1", [.text(hash)])
        }
        return try rows.first.map { row throws(StoreError) in try Self.decodeRefresh(row) }
    }

    public func rotateRefreshToken(presentedHash: String, next: NewRefreshToken) async throws(StoreError)
        -> RefreshRotation
    {
        let now = now()
        return try await transaction { connection in
            let found = try await connection.query(
                "SELECT \(Self.refreshColumns) FROM refresh_tokens WHERE token_hash = ?1", [.text(presentedHash)])
            guard let row = found.first else { return .unknown }
            let old = try Self.decodeRefresh(row)
            if old.replacedBy != nil || old.revokedAt != nil {
                // Reuse: a stolen copy or a replay. Kill the family; committed, not rolled back.
                _ = try await connection.query(
                    "UPDATE refresh_tokens SET revoked_at = ?2 WHERE family_id = ?1 AND revoked_at IS NULL",
                    [.uuid(old.familyID), .timestamp(now)])
                return .reuseDetected(old)
            }
            guard old.expiresAt > now else { return .expired(old) }
            var successor = next
            successor.familyID = old.familyID
            successor.userID = old.userID
            let new = try await Self.insertRefresh(successor, on: connection)
            // Conditional on still being current, so the same code is race-free on PostgreSQL.
            let updated = try await connection.query(
                """
                UPDATE refresh_tokens SET replaced_by = ?2
                WHERE id = ?1 AND replaced_by IS NULL AND revoked_at IS NULL
                RETURNING \(Self.refreshColumns)
                """,
                [.uuid(old.id), .uuid(new.id)])
            guard let oldRow = updated.first else {
                throw StoreError.invalidState(entity: "refresh token", reason: "was rotated concurrently")
            }
            return .rotated(old: try Self.decodeRefresh(oldRow), new: new)
        }
    }

    public func revokeRefreshFamily(familyID: UUID) async throws(StoreError) -> Int {
        let now = now()
        return try await transaction { connection in
            try await connection.query(
                "UPDATE refresh_tokens SET revoked_at = ?2 WHERE family_id = ?1 AND revoked_at IS NULL RETURNING id",
                [.uuid(familyID), .timestamp(now)]
            ).count
        }
    }

    public func revokeAllRefreshTokens(userID: UUID) async throws(StoreError) -> Int {
        let now = now()
        return try await transaction { connection in
            try await connection.query(
                "UPDATE refresh_tokens SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL RETURNING id",
                [.uuid(userID), .timestamp(now)]
            ).count
        }
    }

    public func deleteExpiredRefreshTokens(before cutoff: Date) async throws(StoreError) -> Int {
        try await transaction { connection in
            try await connection.query(
                "DELETE FROM refresh_tokens WHERE expires_at < ?1 RETURNING id", [.timestamp(Timestamp.normalize(cutoff))]
            ).count
        }
    }

    // MARK: API keys

    static let apiKeyColumns = "id, user_id, name, prefix, key_hash, created_at, last_used_at, expires_at, revoked_at"

    static func decodeAPIKey(_ row: SQLiteRow) throws(StoreError) -> APIKeyRecord {
        let r = RowReader(row)
        return APIKeyRecord(
            id: try r.uuid("id"), userID: try r.uuid("user_id"), name: try r.text("name"), prefix: try r.text("prefix"),
            keyHash: try r.text("key_hash"), createdAt: try r.date("created_at"),
            lastUsedAt: try r.optDate("last_used_at"), expiresAt: try r.optDate("expires_at"),
            revokedAt: try r.optDate("revoked_at"))
    }

    public func createAPIKey(_ key: NewAPIKey) async throws(StoreError) -> APIKeyRecord {
        let now = now()
        let rows = try await transaction(foreignKey: .notFound(entity: "user", id: key.userID.uuidString.lowercased())) {
            connection in
            try await connection.query(
                """
                INSERT INTO api_keys (id, user_id, name, prefix, key_hash, created_at, expires_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                RETURNING \(Self.apiKeyColumns)
                """,
                [
                    .uuid(key.id), .uuid(key.userID), .text(key.name), .text(key.prefix), .text(key.keyHash),
                    .timestamp(now), .timestamp(key.expiresAt.map(Timestamp.normalize)),
                ])
        }
        return try Self.decodeAPIKey(try Self.single(rows, entity: "API key", id: key.id))
    }

    public func apiKeys(userID: UUID) async throws(StoreError) -> [APIKeyRecord] {
        let rows = try await access { connection in
            try await connection.query(
                "SELECT \(Self.apiKeyColumns) FROM api_keys WHERE user_id = ?1 ORDER BY created_at DESC, id DESC",
                [.uuid(userID)])
        }
        return try rows.map { row throws(StoreError) in try Self.decodeAPIKey(row) }
    }

    public func apiKey(hash: String) async throws(StoreError) -> APIKeyRecord? {
        let rows = try await access { connection in
            try await connection.query("SELECT \(Self.apiKeyColumns) FROM api_keys WHERE key_hash = ?1", [.text(hash)])
        }
        return try rows.first.map { row throws(StoreError) in try Self.decodeAPIKey(row) }
    }

    public func revokeAPIKey(id: UUID) async throws(StoreError) -> APIKeyRecord {
        let now = now()
        let rows = try await transaction { connection in
            try await connection.query(
                "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?2) WHERE id = ?1 RETURNING \(Self.apiKeyColumns)",
                [.uuid(id), .timestamp(now)])
        }
        return try Self.decodeAPIKey(try Self.single(rows, entity: "API key", id: id))
    }

    public func touchAPIKey(id: UUID) async throws(StoreError) {
        let now = now()
        let rows = try await transaction { connection in
            try await connection.query(
                "UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1 RETURNING id", [.uuid(id), .timestamp(now)])
        }
        _ = try Self.single(rows, entity: "API key", id: id)
    }
}
