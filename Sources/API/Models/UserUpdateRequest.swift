import Store

/// `PATCH /users/{user_id}` (admin): role, activation and profile fields; absent fields are kept.
struct UserUpdateRequest: Decodable, Sendable {
    var role: UserRole?
    var isActive: Bool?
    var email: String?
    var fullName: String??

    enum CodingKeys: String, CodingKey {
        case role, email
        case isActive = "is_active"
        case fullName = "full_name"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        role = try container.decodeUnlessAbsent(UserRole.self, forKey: .role)
        isActive = try container.decodeUnlessAbsent(Bool.self, forKey: .isActive)
        email = try container.decodeUnlessAbsent(String.self, forKey: .email)
        fullName = try container.decodeNullable(String.self, forKey: .fullName)
    }
}
