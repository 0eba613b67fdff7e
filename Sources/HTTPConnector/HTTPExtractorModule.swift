import Connectors
import Pipelines

/// `http` extractor: records from a REST/JSON API, page after page.
///
/// An optional `http` connection gives the base URL, default headers and the credentials
/// (bearer token, basic, or an API-key header); the node gives the request (`url`, `method`,
/// `headers`, `query` with `${params.x}` templates, a JSON `body` for POST), where its records
/// are (`records_path`), how to page (`pagination`) and how nested values become columns
/// (`flatten`). Throttling and server errors are retried (`max_retries`).
public struct HTTPExtractorModule: PipelineModule {
    public let descriptor = ModuleDescriptor(
        kind: .extractor, name: "http", displayName: "HTTP API", description: "Read records from a REST/JSON API, with pagination and retries",
        icon: "globe", color: "#0EA5E9",
        schema: [
            "type": "object", "additionalProperties": false, "required": ["url"],
            "properties": [
                "connection_id": [
                    "type": "string", "title": "Connection", "description": "The id or name of an http connection: base_url, headers and auth",
                ],
                "url": [
                    "type": "string", "minLength": 1, "title": "URL",
                    "description": "Absolute, or relative to the connection's base_url; ${params.name} is replaced",
                ],
                "method": ["type": "string", "enum": ["GET", "POST"], "default": "GET", "title": "Method"],
                "headers": ["type": "object", "additionalProperties": ["type": "string"], "title": "Headers"],
                "query": [
                    "type": "object", "additionalProperties": ["type": ["string", "integer", "number", "boolean"]], "title": "Query parameters",
                    "description": "Values may use ${params.name}",
                ],
                "body": ["title": "JSON body (POST)"],
                "records_path": [
                    "type": "string", "default": "", "title": "Records path",
                    "description": "Dotted path to the array of records in the response, e.g. data.items; empty for a top-level array",
                ],
                "pagination": Self.paginationProperty,
                "flatten": [
                    "type": "string", "enum": ["columns", "json"], "default": "columns", "title": "Nested values",
                    "description": "columns: nested objects become parent.child columns and arrays json values; json: nested values stay whole in json columns",
                ],
                "columns": ColumnDeclarations.schemaProperty,
                "on_error": OnErrorPolicy.schemaProperty,
                "max_retries": [
                    "type": "integer", "minimum": 0, "maximum": 100, "default": 5, "title": "Retries",
                    "description": "Retries of a request answered 429 or 5xx, or failing in transport",
                ],
                "retry_backoff_seconds": [
                    "type": "number", "minimum": 0, "default": 1, "title": "First backoff (s)",
                    "description": "The first wait when the server sends no Retry-After; it doubles on each retry, with jitter",
                ],
                "timeout_seconds": ["type": "number", "minimum": 0.1, "default": 30, "title": "Timeout per request (s)"],
            ],
        ],
        codeKeys: [], connectionTypes: ["http"])

    public init() {}

    public func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis {
        var problems = ColumnDeclarations.problems(config)
        if config["body"] != nil, (try? config.string("method")) != "POST" {
            problems.append(ModuleProblem(.invalidConfig, path: ".body", message: "a body is sent with method POST only"))
        }
        if config["connection_id"] == nil, let url = try? config.string("url"), !url.contains("://"), !url.contains("${") {
            problems.append(ModuleProblem(.invalidConfig, path: ".url", message: "a relative url needs a connection_id whose connection has a base_url"))
        }
        do {
            _ = try PaginationConfig(config)
        } catch {
            problems.append(ModuleProblem(.invalidConfig, path: "." + error.key, message: error.message))
        }
        return ModuleAnalysis(outputColumns: ColumnDeclarations.names(config), problems: problems)
    }

    public func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        HTTPExtractor(source: try HTTPSource(config), setup: setup)
    }

    private static let paginationProperty: JSONValue = [
        "type": "object", "additionalProperties": false, "title": "Pagination",
        "description": "How to reach the next page; every walk ends at an empty page or max_pages",
        "properties": [
            "type": [
                "type": "string", "enum": ["none", "page", "offset", "cursor", "link_header"], "default": "none",
                "description": "page: ?page=N; offset: ?offset=N&limit=M; cursor: ?cursor=<value at cursor_path>; link_header: follow Link rel=\"next\"",
            ],
            "page_param": ["type": "string", "default": "page"],
            "start_page": ["type": "integer", "default": 1],
            "size_param": ["type": "string", "description": "Query parameter carrying page_size (page, cursor and link_header walks)"],
            "page_size": ["type": "integer", "minimum": 1, "description": "Records per page; the limit of offset walks (default 100)"],
            "offset_param": ["type": "string", "default": "offset"],
            "limit_param": ["type": "string", "default": "limit"],
            "cursor_param": ["type": "string", "default": "cursor"],
            "cursor_path": ["type": "string", "description": "Dotted path to the next cursor in the response (cursor walks)"],
            "total_path": ["type": "string", "description": "Dotted path to the total record count in the response, for progress"],
            "max_pages": ["type": "integer", "minimum": 1, "description": "Stop after this many pages"],
        ],
    ]
}

/// The HTTP modules, for the module registry.
public enum HTTPModules {
    public static let all: [any PipelineModule] = [HTTPExtractorModule()]
}
