import Pipelines

/// The `connection_id` property of both PostgreSQL modules.
private let connectionProperty: JSONValue = [
    "type": "string", "title": "Connection", "description": "The id or name of a postgres connection",
]

/// `postgres` extractor: a query or a table, streamed through binary COPY.
public struct PostgresExtractorModule: PipelineModule {
    public let descriptor = ModuleDescriptor(
        kind: .extractor, name: "postgres", displayName: "PostgreSQL", description: "Read rows from a PostgreSQL query or table",
        icon: "database", color: "#336791",
        schema: [
            "type": "object", "additionalProperties": false, "required": ["connection_id"],
            "properties": [
                "connection_id": connectionProperty,
                "query": ["type": "string", "title": "Query", "description": "SQL; :name is a bound parameter"],
                "table": ["type": "string", "title": "Table"],
                "schema": ["type": "string", "title": "Schema", "default": "public"],
                "columns": ["type": "array", "items": ["type": "string"], "title": "Columns (table mode; default all)"],
                "where": ["type": "string", "title": "Filter (table mode)", "description": "SQL condition; :name is a bound parameter"],
                "batch_size": ["type": "integer", "minimum": 1, "maximum": 1_000_000, "default": 8192, "title": "Rows per batch"],
                "cursor_column": [
                    "type": "string", "title": "Incremental cursor column",
                    "description": "Only rows whose value is above the highest one of the last successful run are read",
                ],
                "initial_value": [
                    "type": ["string", "integer", "number"], "title": "Initial cursor value", "description": "Lower bound of the first run",
                ],
            ],
        ],
        codeKeys: ["query", "where"], connectionTypes: ["postgres"])

    public init() {}

    public func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis {
        var problems: [ModuleProblem] = []
        let hasQuery = config["query"] != nil
        let hasTable = config["table"] != nil
        if hasQuery == hasTable {
            problems.append(ModuleProblem(.invalidConfig, path: "", message: "set exactly one of query and table"))
        }
        if hasQuery, config["columns"] != nil || config["where"] != nil {
            problems.append(ModuleProblem(.invalidConfig, path: ".columns", message: "columns and where apply to table mode only"))
        }
        let columns = (try? config.strings("columns")) ?? []
        return ModuleAnalysis(outputColumns: hasTable && !columns.isEmpty ? columns : nil, problems: problems)
    }

    public func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        let source: ExtractionSource
        if let query = try config.string("query") {
            source = .query(query)
        } else {
            source = .table(
                schema: try config.string("schema") ?? "public", table: try config.requiredString("table"), columns: try config.strings("columns"),
                where: try config.string("where"))
        }
        return PostgresExtractor(
            connectionReference: try config.requiredString("connection_id"), source: source,
            batchSize: try config.integer("batch_size") ?? RecordBatch.preferredRowCount,
            cursor: try config.string("cursor_column").map { IncrementalCursor(column: $0, initialValue: config["initial_value"]) },
            setup: setup)
    }
}

/// `postgres` loader: binary COPY into a table inside one transaction committed with the run.
public struct PostgresLoaderModule: PipelineModule {
    public let descriptor = ModuleDescriptor(
        kind: .loader, name: "postgres", displayName: "PostgreSQL", description: "Write rows to a PostgreSQL table (atomically)",
        icon: "database", color: "#336791",
        schema: [
            "type": "object", "additionalProperties": false, "required": ["connection_id", "table"],
            "properties": [
                "connection_id": connectionProperty,
                "table": ["type": "string", "title": "Table"],
                "schema": ["type": "string", "title": "Schema", "default": "public"],
                "mode": [
                    "type": "string", "enum": ["append", "replace", "truncate", "merge"], "default": "append", "title": "Mode",
                    "description": "append rows; replace the table by a new one; truncate then load; merge (upsert) on the primary key",
                ],
                "primary_key": ["type": "array", "items": ["type": "string"], "title": "Primary key (merge, create_table)"],
                "create_table": ["type": "boolean", "default": false, "title": "Create the table when missing"],
                "add_new_columns": ["type": "boolean", "default": false, "title": "Add input columns the table lacks"],
                "on_error": OnErrorPolicy.schemaProperty,
            ],
        ],
        connectionTypes: ["postgres"])

    public init() {}

    public func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis { ModuleAnalysis(outputColumns: nil) }

    public func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        guard let mode = LoadMode(rawValue: try config.string("mode") ?? "append") else {
            throw ModuleConfigError(key: "mode", message: "must be append, replace, truncate or merge")
        }
        return PostgresLoader(
            connectionReference: try config.requiredString("connection_id"),
            target: LoadTarget(
                schema: try config.string("schema") ?? "public", table: try config.requiredString("table"), mode: mode,
                primaryKey: try config.strings("primary_key"), createTable: try config.bool("create_table"),
                addNewColumns: try config.bool("add_new_columns")),
            setup: setup)
    }
}

/// The PostgreSQL modules, for the module registry.
public enum PostgresModules {
    public static let all: [any PipelineModule] = [PostgresExtractorModule(), PostgresLoaderModule()]
}
