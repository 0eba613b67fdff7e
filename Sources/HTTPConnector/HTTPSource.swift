import Connectors
import NIOHTTP1
import Pipelines

/// A node's request settings, read once from its config (templates already expanded).
struct HTTPSource: Sendable {
    var connectionReference: String?
    var url: String
    var method: HTTPMethod
    var headers: [String: String]
    var query: [QueryParameter]
    /// Sent as JSON with POST.
    var body: JSONValue?
    var recordsPath: DotPath
    var pagination: PaginationConfig
    var flattening: RecordFlattening
    var declared: ColumnDeclarations
    var retry: RetryPolicy
    var timeoutSeconds: Double

    init(_ config: ModuleConfig) throws {
        connectionReference = try config.string("connection_id")
        url = try config.requiredString("url")
        switch try config.string("method") ?? "GET" {
        case "GET": method = .GET
        case "POST": method = .POST
        case let other: throw ModuleConfigError(key: "method", message: "\(other) is not GET or POST")
        }
        headers = try config.stringMap("headers")
        query = try Self.scalars(config, "query").map { QueryParameter(name: $0.key, value: $0.value) }.sorted { $0.name < $1.name }
        body = method == .POST ? config["body"] : nil
        recordsPath = DotPath(try config.string("records_path") ?? "")
        pagination = try PaginationConfig(config)
        let flattenName = try config.string("flatten") ?? RecordFlattening.columns.rawValue
        guard let flattening = RecordFlattening(rawValue: flattenName) else {
            throw ModuleConfigError(key: "flatten", message: "must be columns or json")
        }
        self.flattening = flattening
        declared = try ColumnDeclarations(config: config)
        retry = RetryPolicy(maxRetries: try config.integer("max_retries") ?? 5, backoff: try Self.seconds(config, "retry_backoff_seconds") ?? 1)
        timeoutSeconds = try Self.seconds(config, "timeout_seconds") ?? 30
    }

    /// The secrets of a run with `connection`: its credentials, and the values of headers and
    /// query parameters whose names say they carry credentials.
    func redactor(with connection: HTTPConnectionSettings) -> SecretRedactor {
        let headerValues = connection.headers.merging(headers) { $1 }.filter { SecretRedactor.isCredentialName($0.key) }.map(\.value)
        let queryValues = query.filter { SecretRedactor.isCredentialName($0.name) }.map(\.value)
        return SecretRedactor(secrets: connection.auth.secrets + headerValues + queryValues)
    }

    /// A map of names to strings, numbers or booleans, as strings (`query: {limit: 100}`).
    private static func scalars(_ config: ModuleConfig, _ key: String) throws(ModuleConfigError) -> [String: String] {
        guard let value = config[key] else { return [:] }
        guard let members = value.objectValue else { throw ModuleConfigError(key: key, message: "must map names to values") }
        var scalars: [String: String] = [:]
        for (name, member) in members {
            switch member {
            case .string(let text): scalars[name] = text
            case .integer, .double, .bool: scalars[name] = member.canonicalText
            default: throw ModuleConfigError(key: "\(key).\(name)", message: "must be a string, a number or a boolean")
            }
        }
        return scalars
    }

    /// A positive number of seconds.
    private static func seconds(_ config: ModuleConfig, _ key: String) throws(ModuleConfigError) -> Double? {
        switch config[key] {
        case nil: return nil
        case .integer(let number)? where number >= 0: return Double(number)
        case .double(let number)? where number >= 0: return number
        default: throw ModuleConfigError(key: key, message: "must be a number of seconds")
        }
    }
}
