#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A security-relevant event (login, role change, key creation, reuse detection…).
/// Audit rows have no foreign keys: they outlive the users and objects they name.
public struct AuditEventRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var at: Date
    public var userID: UUID?
    /// Dotted verb, e.g. `auth.login`, `pipeline.update`, `auth.refresh_reuse`.
    public var action: String
    public var targetType: String
    public var targetID: String?
    /// JSON text.
    public var details: String

    public init(
        id: UUID = UUID(), at: Date, userID: UUID? = nil, action: String, targetType: String, targetID: String? = nil,
        details: String = "{}"
    ) {
        self.id = id
        self.at = at
        self.userID = userID
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.details = details
    }
}
