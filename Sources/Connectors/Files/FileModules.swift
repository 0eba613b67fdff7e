import Pipelines

/// The `path` property of every file module.
private let pathProperty: JSONValue = [
    "type": "string", "title": "Path",
    "description": "Relative to the files root (files.root); ${params.name}, ${execution.id} and ${execution.scheduled_for:yyyy-MM-dd} are replaced",
]

/// Resolves a node's `path` against the files root.
private func resolvedPath(_ config: ModuleConfig, _ setup: NodeSetup) throws -> String {
    try setup.files.resolve(try config.requiredString("path"))
}

/// `csv` extractor.
struct CSVExtractorModule: PipelineModule {
    let descriptor = ModuleDescriptor(
        kind: .extractor, name: "csv", displayName: "CSV File", description: "Read rows from a CSV file", icon: "file-text", color: "#22C55E",
        schema: [
            "type": "object", "additionalProperties": false, "required": ["path"],
            "properties": JSONValue.object(CSVExtractor.configProperties.merging(["path": pathProperty]) { $1 }),
        ])

    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis { CSVExtractor.analyze(config) }

    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        try CSVExtractor(path: try resolvedPath(config, setup), config: config)
    }
}

/// `jsonl` and `json` extractors.
struct JSONExtractorModule: PipelineModule {
    let descriptor: ModuleDescriptor
    let lines: Bool

    init(lines: Bool) {
        self.lines = lines
        var properties: [String: JSONValue] = [
            "path": pathProperty, "columns": ColumnDeclarations.schemaProperty, "on_error": OnErrorPolicy.schemaProperty,
        ]
        if !lines {
            properties["records_path"] = [
                "type": "string", "default": "", "title": "Records path", "description": "Dotted path to the array of records, e.g. data.items",
            ]
        }
        descriptor = ModuleDescriptor(
            kind: .extractor, name: lines ? "jsonl" : "json", displayName: lines ? "JSON Lines File" : "JSON File",
            description: lines ? "Read one JSON object per line" : "Read an array of JSON objects", icon: "braces", color: "#EAB308",
            schema: ["type": "object", "additionalProperties": false, "required": ["path"], "properties": .object(properties)])
    }

    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis {
        ModuleAnalysis(outputColumns: ColumnDeclarations.names(config), problems: ColumnDeclarations.problems(config))
    }

    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        let path = try resolvedPath(config, setup)
        let declared = try ColumnDeclarations(config: config)
        if lines { return JSONLinesExtractor(path: path, declared: declared) }
        return JSONDocumentExtractor(path: path, recordsPath: try config.string("records_path") ?? "", declared: declared)
    }
}

/// `csv` and `jsonl` loaders.
struct FileLoaderModule: PipelineModule {
    let descriptor: ModuleDescriptor
    let csv: Bool

    init(csv: Bool) {
        self.csv = csv
        var properties: [String: JSONValue] = ["path": pathProperty, "on_error": OnErrorPolicy.schemaProperty]
        if csv { properties.merge(CSVWriter.configProperties) { $1 } }
        descriptor = ModuleDescriptor(
            kind: .loader, name: csv ? "csv" : "jsonl", displayName: csv ? "CSV File" : "JSON Lines File",
            description: csv ? "Write rows to a CSV file (atomically)" : "Write one JSON object per row (atomically)",
            icon: "file-down", color: csv ? "#16A34A" : "#CA8A04",
            schema: ["type": "object", "additionalProperties": false, "required": ["path"], "properties": .object(properties)])
    }

    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis { ModuleAnalysis(outputColumns: nil) }

    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        FileLoader(
            path: try resolvedPath(config, setup),
            format: csv ? .csv(try CSVWriter(config: config), header: config["header"] != .bool(false)) : .jsonl)
    }
}
