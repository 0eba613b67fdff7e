/// The scheme, host and port of an S3 service (`https://s3.eu-west-1.amazonaws.com`,
/// `http://127.0.0.1:9000`).
public struct S3Endpoint: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    /// Nil for the scheme's default port.
    public var port: Int?

    public init(scheme: String, host: String, port: Int?) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// Parses `http[s]://host[:port][/]`; nil for anything else (a path, another scheme).
    public init?(url: String) {
        let parts = url.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, ["http", "https"].contains(parts[0].lowercased()) else { return nil }
        var authority = Substring(parts[1])
        if authority.hasSuffix("/") { authority = authority.dropLast() }
        guard !authority.isEmpty, !authority.contains("/") else { return nil }
        scheme = parts[0].lowercased()
        if authority.hasPrefix("[") {
            // [IPv6]:port
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[...close])
            let rest = authority[authority.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return nil }
            port = rest.isEmpty ? nil : Int(rest.dropFirst())
            if !rest.isEmpty, port == nil { return nil }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            guard let number = Int(authority[authority.index(after: colon)...]) else { return nil }
            port = number
        } else {
            host = String(authority)
            port = nil
        }
        if port == Self.defaultPort(scheme) { port = nil }
    }

    /// The `Host` header for `host` on this endpoint's port.
    func hostHeader(_ host: String) -> String { port.map { "\(host):\($0)" } ?? host }

    /// The base URL for `host` on this endpoint's scheme and port.
    func baseURL(_ host: String) -> String { "\(scheme)://\(hostHeader(host))" }

    /// Whether the host is an IP literal or `localhost`, which cannot take a bucket subdomain.
    var isAddressOrLocalhost: Bool {
        host == "localhost" || host.hasPrefix("[") || host.split(separator: ".").count == 4 && host.split(separator: ".").allSatisfy { UInt8($0) != nil }
    }

    public var description: String { baseURL(host) }

    private static func defaultPort(_ scheme: String) -> Int { scheme == "https" ? 443 : 80 }
}
