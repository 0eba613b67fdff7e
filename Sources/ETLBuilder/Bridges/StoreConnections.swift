import Foundation
import Pipelines
import Store

/// Connections from the metadata store, by id or by unique name: running nodes get their
/// decrypted config (``ConnectionResolver``), the validator their type (``ConnectionLookup``).
struct StoreConnections: ConnectionResolver, ConnectionLookup {
    let store: any MetadataStore

    func resolve(_ reference: String) async throws(ConnectionResolutionError) -> ResolvedConnection {
        let record: ConnectionRecord?
        do {
            record = try await find(reference)
        } catch {
            throw ConnectionResolutionError(reference: reference, message: "could not be read from the store: \(error)")
        }
        guard let record else {
            throw ConnectionResolutionError(reference: reference, message: "no connection has this id or name")
        }
        return ResolvedConnection(record)
    }

    func connectionType(id: String) async -> String? {
        try? await find(id)?.type
    }

    private func find(_ reference: String) async throws(StoreError) -> ConnectionRecord? {
        if let id = UUID(uuidString: reference), let record = try await store.connection(id: id) { return record }
        return try await store.connection(named: reference)
    }
}

extension ResolvedConnection {
    /// The record's config with its decrypted secrets merged in.
    init(_ record: ConnectionRecord) {
        var config = (try? JSONValue(parsing: record.config))?.objectValue ?? [:]
        for (name, secret) in record.secrets { config[name] = .string(secret) }
        self.init(id: record.id.uuidString.lowercased(), name: record.name, type: record.type, config: config)
    }
}
