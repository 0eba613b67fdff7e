import Pipelines

/// The `parquet` loader module: writes its input to one Parquet file under the files root,
/// published atomically when the run succeeds.
///
/// Config: `path` (templated, relative to `files.root`), `compression` (`none`, `snappy`,
/// `gzip`, `zstd`; default snappy), `row_group_rows`, `row_group_bytes`.
public struct ParquetLoaderModule: PipelineModule {
    public let descriptor = ModuleDescriptor(
        kind: .loader, name: "parquet", displayName: "Parquet File",
        description: "Write rows to a Parquet file with their types (atomically)", icon: "file-down", color: "#0EA5E9",
        schema: [
            "type": "object", "additionalProperties": false, "required": ["path"],
            "properties": [
                "path": [
                    "type": "string", "title": "Path",
                    "description": "Relative to the files root (files.root); ${params.name}, ${execution.id} and ${execution.scheduled_for:yyyy-MM-dd} are replaced",
                ],
                "compression": [
                    "type": "string", "enum": ["none", "snappy", "gzip", "zstd"], "default": "snappy", "title": "Compression",
                ],
                "row_group_rows": [
                    "type": "integer", "minimum": 1, "default": 1_000_000, "title": "Rows per row group",
                ],
                "row_group_bytes": [
                    "type": "integer", "minimum": 65_536, "default": 33_554_432, "title": "Bytes per row group",
                    "description": "Compressed bytes a row group may buffer before it is written; bounds the loader's memory",
                ],
            ],
        ])

    /// The module, for a ``ModuleRegistry``.
    public init() {}

    public func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis { ModuleAnalysis(outputColumns: nil) }

    public func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        ParquetLoader(path: try setup.files.resolve(try config.requiredString("path")), options: try ParquetWriterOptions(config: config))
    }
}
