#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a user may do. Ordered: `admin` > `developer` > `viewer`.
public enum UserRole: String, Sendable, Codable, CaseIterable, Comparable {
    case admin
    case developer
    case viewer

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .developer: 1
        case .admin: 2
        }
    }

    public static func < (lhs: UserRole, rhs: UserRole) -> Bool { lhs.rank < rhs.rank }
}

/// A stored user. `username` and `email` are unique case-insensitively.
/// `passwordHash` is a bcrypt hash computed by the caller (the store never sees a password).
public struct UserRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var username: String
    public var email: String
    public var fullName: String?
    public var passwordHash: String
    public var role: UserRole
    public var isActive: Bool
    public var failedLoginCount: Int
    public var lockedUntil: Date?
    public var createdAt: Date
    public var updatedAt: Date
    public var lastLoginAt: Date?

    public init(
        id: UUID, username: String, email: String, fullName: String?, passwordHash: String, role: UserRole,
        isActive: Bool, failedLoginCount: Int, lockedUntil: Date?, createdAt: Date, updatedAt: Date, lastLoginAt: Date?
    ) {
        self.id = id
        self.username = username
        self.email = email
        self.fullName = fullName
        self.passwordHash = passwordHash
        self.role = role
        self.isActive = isActive
        self.failedLoginCount = failedLoginCount
        self.lockedUntil = lockedUntil
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.lastLoginAt = lastLoginAt
    }
}

/// The fields of a user to create.
public struct NewUser: Sendable, Hashable {
    public var id: UUID
    public var username: String
    public var email: String
    public var fullName: String?
    /// bcrypt hash (e.g. `HummingbirdBcrypt.Bcrypt.hash(password, cost:)`, computed off the event loop).
    public var passwordHash: String
    public var role: UserRole
    public var isActive: Bool

    public init(
        id: UUID = UUID(), username: String, email: String, fullName: String? = nil, passwordHash: String,
        role: UserRole = .viewer, isActive: Bool = true
    ) {
        self.id = id
        self.username = username
        self.email = email
        self.fullName = fullName
        self.passwordHash = passwordHash
        self.role = role
        self.isActive = isActive
    }
}

/// A partial update of a user: `nil` leaves a field unchanged; for nullable fields
/// `.some(nil)` clears it.
public struct UserUpdate: Sendable, Hashable {
    public var email: String?
    public var fullName: String??
    public var passwordHash: String?
    public var role: UserRole?
    public var isActive: Bool?

    public init(
        email: String? = nil, fullName: String?? = nil, passwordHash: String? = nil, role: UserRole? = nil,
        isActive: Bool? = nil
    ) {
        self.email = email
        self.fullName = fullName
        self.passwordHash = passwordHash
        self.role = role
        self.isActive = isActive
    }
}
