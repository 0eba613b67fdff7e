import Foundation

/// The credentials an `http` connection sends (`auth_type` with its fields).
enum HTTPAuth: Sendable, Hashable {
    case none
    /// `Authorization: Bearer <token>`.
    case bearer(token: String)
    /// `Authorization: Basic base64(username:password)`.
    case basic(username: String, password: String)
    /// `<header>: <key>` (default header `X-API-Key`).
    case apiKey(header: String, key: String)

    /// The config fields each `auth_type` needs.
    static let requiredFields: [String: [String]] = ["bearer": ["token"], "basic": ["username", "password"], "api_key": ["api_key"]]

    /// The header that carries the credentials, if any.
    var header: (name: String, value: String)? {
        switch self {
        case .none: nil
        case .bearer(let token): ("Authorization", "Bearer " + token)
        case .basic(let username, let password): ("Authorization", Self.basicValue(username: username, password: password))
        case .apiKey(let header, let key): (header, key)
        }
    }

    /// Every string that must never be shown: the raw secrets, and a header value that hides
    /// them in another form.
    var secrets: [String] {
        switch self {
        case .none: []
        case .bearer(let token): [token]
        case .basic(let username, let password): [password, Self.basicValue(username: username, password: password)]
        case .apiKey(_, let key): [key]
        }
    }

    private static func basicValue(username: String, password: String) -> String {
        "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }
}
