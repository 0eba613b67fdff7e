import Pipelines

/// How to reach a PostgreSQL server: a connection's config turned into libpq keywords.
///
/// Config keys: `host`, `port`, `database`, `username`, `password`, `ssl_mode`,
/// `connect_timeout` (seconds, default 10), `application_name` (default `etl-builder`),
/// `options`, the libpq TLS and keepalive keywords under their own names (`sslrootcert`,
/// `sslcert`, `sslkey`, `target_session_attrs`, `keepalives`…), or a whole `url`
/// (`postgres://user:password@host:port/database?sslmode=…`) that the other keys refine.
public struct PostgresConfiguration: Sendable {
    /// libpq keyword → value, in the order given to `PQconnectdbParams`.
    public private(set) var keywords: [(String, String)]

    /// Config keys named differently from their libpq keyword.
    static let renamed = ["database": "dbname", "username": "user", "ssl_mode": "sslmode"]
    /// Config keys passed to libpq under their own name.
    static let passthrough: Set<String> = [
        "host", "hostaddr", "port", "password", "connect_timeout", "application_name", "options", "sslmode", "sslrootcert",
        "sslcert", "sslkey", "sslpassword", "sslcrl", "target_session_attrs", "keepalives", "keepalives_idle",
        "keepalives_interval", "keepalives_count", "tcp_user_timeout", "krbsrvname", "gssencmode", "channel_binding",
    ]

    /// Reads a connection config; unknown keys are refused so a typo does not pass silently.
    public init(config: [String: JSONValue]) throws(PostgresError) {
        var values: [String: String] = ["connect_timeout": "10", "application_name": "etl-builder"]
        var url: String?
        for (key, value) in config {
            let text: String
            switch value {
            case .null: continue
            case .string(let string): text = string
            case .integer(let number): text = String(number)
            case .bool(let flag): text = flag ? "1" : "0"
            default: throw .invalidData("connection config \(key) must be a string or a number")
            }
            if key == "url" || key == "uri" {
                url = text
            } else if let keyword = Self.renamed[key] ?? (Self.passthrough.contains(key) ? key : nil) {
                values[keyword] = text
            } else {
                throw .invalidData("connection config has an unknown key \"\(key)\"")
            }
        }
        // Text crosses the wire as UTF-8 whatever the server's default is.
        values["client_encoding"] = "UTF8"
        var keywords: [(String, String)] = url.map { [("dbname", $0)] } ?? []
        keywords += values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.keywords = keywords
    }

    /// A configuration from a `postgres://` URL.
    public init(url: String) throws(PostgresError) { try self.init(config: ["url": .string(url)]) }
}
