#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Store

/// The authenticated caller of a request: who, with which role, and how they proved it.
public struct Principal: Sendable, Hashable {
    /// How the caller authenticated.
    public enum Credential: Sendable, Hashable {
        /// A JWT access token (the web UI, after `POST /auth/login`).
        case accessToken
        /// An API key (SDKs and scripts), by key id.
        case apiKey(UUID)
    }

    /// The user's id.
    public var userID: UUID
    /// The user's login name.
    public var username: String
    /// The user's role when the request arrived (read from the store, not trusted from the token).
    public var role: UserRole
    /// How the caller authenticated.
    public var credential: Credential

    /// A principal.
    public init(userID: UUID, username: String, role: UserRole, credential: Credential) {
        self.userID = userID
        self.username = username
        self.role = role
        self.credential = credential
    }

    /// Whether the role is at least `minimum` (`admin` > `developer` > `viewer`).
    public func has(atLeast minimum: UserRole) -> Bool { role >= minimum }

    /// The trigger type of executions this caller starts: `manual` from the UI, `api` with a key.
    var triggerType: TriggerType {
        switch credential {
        case .accessToken: .manual
        case .apiKey: .api
        }
    }
}
