/// `POST /auth/register`. The role is never read from the request: new accounts are viewers.
struct RegisterRequest: Decodable, Sendable {
    var username: String
    var email: String
    var password: String
    var fullName: String?

    enum CodingKeys: String, CodingKey {
        case username, email, password
        case fullName = "full_name"
    }
}

/// `POST /auth/login`, form-urlencoded (or JSON): `username=…&password=…`.
struct LoginRequest: Decodable, Sendable {
    var username: String
    var password: String
}

/// `POST /auth/refresh` and `POST /auth/logout`: `{"refresh_token": "…"}` (optional for logout).
struct RefreshRequest: Decodable, Sendable {
    var refreshToken: String?

    enum CodingKeys: String, CodingKey {
        case refreshToken = "refresh_token"
    }
}

/// The answer of login and refresh: `{access_token, refresh_token, token_type: "bearer"}`.
struct TokenPairPayload: Encodable, Sendable {
    var accessToken: String
    var refreshToken: String
    var tokenType = "bearer"
    /// Seconds until the access token expires.
    var expiresIn: Int

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
    }
}
