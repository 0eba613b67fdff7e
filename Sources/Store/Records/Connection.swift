#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Health of a connection as last seen by a test.
public enum ConnectionStatus: String, Sendable, Codable, CaseIterable {
    /// Usable (the state of a new connection, and after a successful test).
    case active
    /// The last test failed.
    case error
    /// Disabled by a user.
    case inactive
}

/// A stored connection. `config` is JSON text of non-secret fields; `secrets` are the
/// decrypted secret fields (they are encrypted at rest, see ``SecretCipher``).
public struct ConnectionRecord: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var name: String
    /// `postgres`, `s3`, `http`, `file`, … (free text: connectors are plugins).
    public var type: String
    public var description: String?
    public var config: String
    public var secrets: [String: String]
    public var status: ConnectionStatus
    public var lastTestedAt: Date?
    public var lastTestMessage: String?
    public var createdBy: UUID?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, name: String, type: String, description: String?, config: String, secrets: [String: String],
        status: ConnectionStatus, lastTestedAt: Date?, lastTestMessage: String?, createdBy: UUID?, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.description = description
        self.config = config
        self.secrets = secrets
        self.status = status
        self.lastTestedAt = lastTestedAt
        self.lastTestMessage = lastTestMessage
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A connection to create. Names are unique case-insensitively.
public struct NewConnection: Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var type: String
    public var description: String?
    public var config: String
    public var secrets: [String: String]
    public var createdBy: UUID?

    public init(
        id: UUID = UUID(), name: String, type: String, description: String? = nil, config: String = "{}",
        secrets: [String: String] = [:], createdBy: UUID? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.description = description
        self.config = config
        self.secrets = secrets
        self.createdBy = createdBy
    }
}

/// A partial update of a connection. Secrets merge: keys in `secrets` are set, keys in
/// `removeSecrets` are dropped, every other stored secret is kept (a client that never
/// sees secrets can still edit the rest).
public struct ConnectionUpdate: Sendable, Hashable {
    public var name: String?
    public var type: String?
    public var description: String??
    public var config: String?
    public var secrets: [String: String]
    public var removeSecrets: Set<String>
    public var status: ConnectionStatus?

    public init(
        name: String? = nil, type: String? = nil, description: String?? = nil, config: String? = nil,
        secrets: [String: String] = [:], removeSecrets: Set<String> = [], status: ConnectionStatus? = nil
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.config = config
        self.secrets = secrets
        self.removeSecrets = removeSecrets
        self.status = status
    }
}
