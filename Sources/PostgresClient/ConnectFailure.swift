import Foundation

/// Sorts libpq's connection failure text into the failures a user acts on differently.
enum ConnectFailure {
    /// The failure for libpq's `text`, naming `user` and the `host:port` it tried.
    static func classify(_ text: String, user: String, host: String, port: String) -> PostgresError {
        let target = port.isEmpty ? host : "\(host):\(port)"
        // libpq prefixes `connection to server at "…", port … failed: `; keep what follows.
        let detail = text.range(of: " failed: ").map { String(text[$0.upperBound...]) } ?? text
        let firstLine = detail.split(separator: "\n").first.map(String.init) ?? detail
        let lowered = text.lowercased()
        if lowered.contains("password authentication failed") || lowered.contains("no password supplied")
            || lowered.contains("authentication failed for user") || lowered.contains("no pg_hba.conf entry")
            || lowered.contains("role \"") && lowered.contains("does not exist")
        {
            return .authenticationFailed(user: user, detail: firstLine)
        }
        if lowered.contains("server does not support ssl") || lowered.contains("ssl was required") {
            return .tlsUnavailable(target: target, detail: firstLine)
        }
        if lowered.contains("connection refused") || lowered.contains("could not translate host name")
            || lowered.contains("timeout expired") || lowered.contains("no route to host") || lowered.contains("network is unreachable")
            || lowered.contains("no such file or directory")
        {
            return .unreachable(target: target, detail: firstLine)
        }
        return .connectFailed(target: target, detail: firstLine)
    }
}
