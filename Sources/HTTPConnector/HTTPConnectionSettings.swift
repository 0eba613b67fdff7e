import NIOHTTP1
import Pipelines

/// What an `http` connection gives its nodes: `base_url`, default `headers` and credentials
/// (`auth_type` none | bearer | basic | api_key with `token`, `username` + `password`,
/// `api_key_header` + `api_key`).
struct HTTPConnectionSettings: Sendable, Hashable {
    var baseURL: String?
    var headers: [String: String]
    var auth: HTTPAuth

    /// No connection: absolute URLs, no defaults, no credentials.
    static let none = HTTPConnectionSettings(baseURL: nil, headers: [:], auth: .none)

    init(baseURL: String?, headers: [String: String], auth: HTTPAuth) {
        self.baseURL = baseURL
        self.headers = headers
        self.auth = auth
    }

    /// The settings of `connection`, which must be of type `http`.
    init(_ connection: ResolvedConnection) throws(HTTPSourceError) {
        let name = "connection \"\(connection.name)\""
        guard connection.type == "http" else {
            throw HTTPSourceError(.invalidConfig, "\(name) is a \(connection.type) connection; the http extractor needs an http connection")
        }
        let config = ModuleConfig(connection.config)
        do throws(ModuleConfigError) {
            baseURL = try config.string("base_url")
            headers = try config.stringMap("headers")
            switch try config.string("auth_type") ?? "none" {
            case "none": auth = .none
            case "bearer": auth = .bearer(token: try config.requiredString("token"))
            case "basic": auth = .basic(username: try config.requiredString("username"), password: try config.requiredString("password"))
            case "api_key": auth = .apiKey(header: try config.string("api_key_header") ?? "X-API-Key", key: try config.requiredString("api_key"))
            case let other: throw ModuleConfigError(key: "auth_type", message: "\(other) is not one of none, bearer, basic, api_key")
            }
        } catch {
            // The message names the key, never its value.
            throw HTTPSourceError(.invalidConfig, "\(name): \(error)")
        }
    }

    /// The headers of a request: JSON by default, then the connection's, the node's `headers`,
    /// and the credentials last.
    func requestHeaders(_ node: [String: String], jsonBody: Bool) -> HTTPHeaders {
        var headers = HTTPHeaders([("Accept", "application/json"), ("User-Agent", "etl-builder")])
        if jsonBody { headers.add(name: "Content-Type", value: "application/json") }
        for (name, value) in self.headers.merging(node, uniquingKeysWith: { $1 }) { headers.replaceOrAdd(name: name, value: value) }
        if let credentials = auth.header { headers.replaceOrAdd(name: credentials.name, value: credentials.value) }
        return headers
    }
}
