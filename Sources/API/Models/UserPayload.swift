#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Store

/// A user as the API shows it (`/auth/register`, `/auth/me`, `/users`); never the password hash.
struct UserPayload: Encodable, Sendable {
    let user: UserRecord

    enum CodingKeys: String, CodingKey {
        case id, username, email, role
        case fullName = "full_name"
        case isActive = "is_active"
        case createdAt = "created_at"
        case lastLoginAt = "last_login_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(user.id.apiString, forKey: .id)
        try container.encode(user.username, forKey: .username)
        try container.encode(user.email, forKey: .email)
        try container.encode(user.fullName, forKey: .fullName)
        try container.encode(user.role, forKey: .role)
        try container.encode(user.isActive, forKey: .isActive)
        try container.encode(user.createdAt, forKey: .createdAt)
        try container.encode(user.lastLoginAt, forKey: .lastLoginAt)
    }
}

extension UUID {
    /// The API's spelling of ids: lowercase, as the store writes them.
    var apiString: String { uuidString.lowercased() }
}
