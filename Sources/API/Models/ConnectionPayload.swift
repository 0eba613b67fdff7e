#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Pipelines
import Store

/// `POST /connections`.
struct ConnectionCreateRequest: Decodable, Sendable {
    var name: String
    var type: String
    var description: String?
    var config: [String: JSONValue]?
}

/// `PUT /connections/{id}`: absent fields are kept. In `config`, secret fields that are absent or
/// still hold the mask are kept, `null` removes one, any other value replaces it; the non-secret
/// fields replace the stored ones.
struct ConnectionUpdateRequest: Decodable, Sendable {
    var name: String?
    var type: String?
    var description: String??
    var config: [String: JSONValue]?
    var status: ConnectionStatus?

    enum CodingKeys: String, CodingKey { case name, type, description, config, status }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeUnlessAbsent(String.self, forKey: .name)
        type = try container.decodeUnlessAbsent(String.self, forKey: .type)
        description = try container.decodeNullable(String.self, forKey: .description)
        config = try container.decodeUnlessAbsent([String: JSONValue].self, forKey: .config)
        status = try container.decodeUnlessAbsent(ConnectionStatus.self, forKey: .status)
    }
}

/// A connection as the API shows it: secret fields appear in `config` masked.
struct ConnectionPayload: Encodable, Sendable {
    let record: ConnectionRecord

    enum CodingKeys: String, CodingKey {
        case id, name, type, description, config, status
        case lastTestedAt = "last_tested_at"
        case lastTestMessage = "last_test_message"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id.apiString, forKey: .id)
        try container.encode(record.name, forKey: .name)
        try container.encode(record.type, forKey: .type)
        try container.encode(record.description, forKey: .description)
        try container.encode(SecretFields.masked(config: record.config, secrets: record.secrets), forKey: .config)
        try container.encode(record.status, forKey: .status)
        try container.encode(record.lastTestedAt, forKey: .lastTestedAt)
        try container.encode(record.lastTestMessage, forKey: .lastTestMessage)
        try container.encode(record.createdAt, forKey: .createdAt)
        try container.encode(record.updatedAt, forKey: .updatedAt)
    }
}

/// The answer of `POST /connections/{id}/test`: `{status, message, details: {latency_ms, version}}`.
struct ConnectionTestPayload: Encodable, Sendable {
    let result: ConnectionTestResult

    enum CodingKeys: String, CodingKey { case status, message, details }
    enum DetailKeys: String, CodingKey {
        case latencyMS = "latency_ms"
        case version
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(result.status, forKey: .status)
        try container.encode(result.message, forKey: .message)
        var details = container.nestedContainer(keyedBy: DetailKeys.self, forKey: .details)
        try details.encode(result.latencyMilliseconds, forKey: .latencyMS)
        try details.encode(result.version, forKey: .version)
    }
}
