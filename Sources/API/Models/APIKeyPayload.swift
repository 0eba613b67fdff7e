#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Store

/// `POST /auth/api-keys`: a name and an optional lifetime in days.
struct APIKeyCreateRequest: Decodable, Sendable {
    var name: String
    var expiresInDays: Int?

    enum CodingKeys: String, CodingKey {
        case name
        case expiresInDays = "expires_in_days"
    }
}

/// An API key as listed; `key` (the secret) is present only in the answer that creates it.
struct APIKeyPayload: Encodable, Sendable {
    let record: APIKeyRecord
    var key: String?

    enum CodingKeys: String, CodingKey {
        case id, name, prefix, key
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
        case expiresAt = "expires_at"
        case revokedAt = "revoked_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id.apiString, forKey: .id)
        try container.encode(record.name, forKey: .name)
        try container.encode(record.prefix, forKey: .prefix)
        try container.encodeIfPresent(key, forKey: .key)
        try container.encode(record.createdAt, forKey: .createdAt)
        try container.encode(record.lastUsedAt, forKey: .lastUsedAt)
        try container.encode(record.expiresAt, forKey: .expiresAt)
        try container.encode(record.revokedAt, forKey: .revokedAt)
    }
}

/// `GET /auth/api-keys`.
struct APIKeyListPayload: Encodable, Sendable {
    var apiKeys: [APIKeyPayload]

    enum CodingKeys: String, CodingKey {
        case apiKeys = "api_keys"
    }
}
