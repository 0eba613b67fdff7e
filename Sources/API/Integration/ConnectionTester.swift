import Foundation
import Pipelines
import Store

/// The result of testing a connection: `{status, message, details: {latency_ms, version}}`.
public struct ConnectionTestResult: Sendable, Hashable {
    /// How the test ended.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The target answered.
        case success
        /// The target could not be reached or refused the credentials.
        case failed
        /// This server cannot test connections of this type (yet); nothing was recorded.
        case unsupported
    }

    /// How the test ended.
    public var status: Status
    /// A sentence for the user.
    public var message: String
    /// Round-trip time of the test, in milliseconds.
    public var latencyMilliseconds: Int?
    /// The server's version string (`PostgreSQL 15.3`), when it tells.
    public var version: String?

    /// A result.
    public init(status: Status, message: String, latencyMilliseconds: Int? = nil, version: String? = nil) {
        self.status = status
        self.message = message
        self.latencyMilliseconds = latencyMilliseconds
        self.version = version
    }
}

/// Tests connections. The connectors (issues on PostgreSQL, S3 and HTTP) implement it per type;
/// the store records `success` as status `active` and `failed` as `error`.
public protocol ConnectionTester: Sendable {
    /// Tests `connection` (its secrets are decrypted).
    func test(_ connection: ConnectionRecord) async -> ConnectionTestResult
}

/// The tester that ships with the API: `file` connections (a local directory in `config.path`)
/// are tested by checking that the directory exists and is readable; every other type answers
/// `unsupported`, since their connectors arrive with later issues.
public struct BuiltInConnectionTester: ConnectionTester {
    /// A tester.
    public init() {}

    /// Checks a `file` connection's directory; `unsupported` for other types.
    public func test(_ connection: ConnectionRecord) async -> ConnectionTestResult {
        guard connection.type == "file" else {
            return ConnectionTestResult(
                status: .unsupported,
                message: "Testing '\(connection.type)' connections is not available in this version of the server")
        }
        let start = ContinuousClock.now
        guard let path = (try? JSONValue(parsing: connection.config))?["path"]?.stringValue else {
            return ConnectionTestResult(status: .failed, message: "The connection has no 'path' setting")
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let milliseconds = (ContinuousClock.now - start).wholeMilliseconds
        guard exists, isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path) else {
            return ConnectionTestResult(
                status: .failed, message: "'\(path)' is not a readable directory", latencyMilliseconds: milliseconds)
        }
        return ConnectionTestResult(status: .success, message: "Connection successful", latencyMilliseconds: milliseconds)
    }
}
