import Foundation
import Pipelines
import S3Client

/// How an S3 node reaches its bucket: through its `connection_id`, or, without one, through
/// the standard AWS environment variables.
struct S3Access: Sendable {
    /// The node's `connection_id`, if any.
    var connectionReference: String?
    var setup: NodeSetup
    /// The process environment (injectable for tests).
    var environment: [String: String]

    /// A client configured from the connection or the environment.
    func client() async throws -> S3Client {
        guard let connectionReference else {
            do {
                return S3Client(configuration: try S3Configuration(environment: environment))
            } catch {
                throw NodeFailure("\(error)")
            }
        }
        let connection = try await setup.connection(connectionReference)
        guard connection.type == "s3" else {
            throw NodeFailure("connection \"\(connectionReference)\" is a \(connection.type) connection, not s3")
        }
        return S3Client(configuration: try S3Configuration(connection: connection.config))
    }
}

extension S3Configuration {
    /// The configuration an `s3` connection's config describes: `access_key_id`,
    /// `secret_access_key`, `session_token`, `region` (default `us-east-1`), `endpoint_url`,
    /// `force_path_style`.
    init(connection config: [String: JSONValue]) throws {
        func text(_ key: String) -> String? { config[key]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        guard let keyID = text("access_key_id"), let secret = text("secret_access_key") else {
            throw NodeFailure("the s3 connection needs access_key_id and secret_access_key")
        }
        do {
            try self.init(
                credentials: S3Credentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: text("session_token")),
                region: text("region") ?? "us-east-1", endpointURL: text("endpoint_url"), forcePathStyle: config["force_path_style"] == .bool(true))
        } catch {
            throw NodeFailure("\(error)")
        }
    }
}
