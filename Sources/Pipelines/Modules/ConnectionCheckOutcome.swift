/// What testing a connection found, as a connector reports it (PostgreSQL, S3, HTTP): the
/// daemon's tester turns any of them into the API's `{status, message, details}` the same way.
public protocol ConnectionCheckOutcome: Sendable {
    /// Whether the service answered and accepted the credentials.
    var succeeded: Bool { get }
    /// The round trip of the check, in milliseconds (success only).
    var latencyMilliseconds: Int? { get }
    /// Why it failed.
    var message: String? { get }
    /// The service's version, when it tells (`PostgreSQL 15.18 …`).
    var version: String? { get }
    /// The sentence shown on success.
    var successMessage: String { get }
}

extension ConnectionCheckOutcome {
    public var version: String? { nil }
    public var successMessage: String { "Connection successful" }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down (latencies in test results).
    public var wholeMilliseconds: Int {
        Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000)
    }
}
