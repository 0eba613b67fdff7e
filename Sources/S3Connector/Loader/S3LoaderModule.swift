import Connectors
import Foundation
import Parquet
import Pipelines
import S3Client

/// The `s3` loader: writes its input as csv, jsonl (optionally gzipped) or Parquet objects
/// under a prefix, published atomically when the run succeeds.
///
/// Config: `connection_id` (optional: the AWS environment otherwise), `bucket`, `path` (the
/// key prefix, templated), `format`, `compression`, `max_rows_per_file`, `max_bytes_per_file`,
/// the csv options (`delimiter`, `quote`, `header`) and the Parquet ones (`row_group_rows`,
/// `row_group_bytes`).
public struct S3LoaderModule: PipelineModule {
    public let descriptor = ModuleDescriptor(
        kind: .loader, name: "s3", displayName: "Amazon S3", description: "Write rows as csv, jsonl or Parquet objects to S3 (atomically)",
        icon: "cloud-upload", color: "#FF9900",
        schema: [
            "type": "object", "additionalProperties": false, "required": ["bucket"],
            "properties": .object(CSVWriter.configProperties.merging([
                "connection_id": S3ModuleProperties.connection,
                "bucket": S3ModuleProperties.bucket,
                "path": [
                    "type": "string", "default": "", "title": "Key prefix",
                    "description": "Objects are named <path><execution id>-<part>.<ext>; ${params.name} and ${execution.scheduled_for:yyyy/MM/dd} are replaced",
                ],
                "format": ["type": "string", "enum": ["parquet", "csv", "jsonl"], "default": "parquet", "title": "Format"],
                "compression": [
                    "type": "string", "enum": ["none", "gzip", "snappy", "zstd"], "title": "Compression",
                    "description": "csv/jsonl: none or gzip (default none); parquet: none, snappy, gzip or zstd (default snappy)",
                ],
                "max_rows_per_file": ["type": "integer", "minimum": 1, "title": "Rows per object at most"],
                "max_bytes_per_file": [
                    "type": "integer", "minimum": 1024, "title": "Bytes per object (about)",
                    "description": "A new object starts once one reaches this size",
                ],
                "row_group_rows": ["type": "integer", "minimum": 1, "default": 1_000_000, "title": "Parquet rows per row group"],
                "row_group_bytes": ["type": "integer", "minimum": 65_536, "default": 33_554_432, "title": "Parquet bytes per row group"],
                "part_size": [
                    "type": "integer", "minimum": 5_242_880, "default": 8_388_608, "title": "Multipart part size",
                    "description": "Bytes per uploaded part (at least 5 MiB); up to 4 parts upload at once",
                ],
            ]) { $1 }),
        ],
        connectionTypes: ["s3"])

    private let environment: [String: String]

    /// The module; nodes without `connection_id` read the AWS variables of `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) { self.environment = environment }

    public func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis {
        do {
            _ = try ObjectFormat(config: config)
            return ModuleAnalysis(outputColumns: nil)
        } catch let error as ModuleConfigError {
            return ModuleAnalysis(outputColumns: nil, problems: [ModuleProblem(.invalidConfig, path: "." + error.key, message: error.message)])
        } catch {
            return ModuleAnalysis(outputColumns: nil, problems: [ModuleProblem(.invalidConfig, path: "", message: "\(error)")])
        }
    }

    public func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        var format = try ObjectFormat(config: config)
        let maxBytes = try config.integer("max_bytes_per_file")
        if case .parquet(var options) = format.kind, let maxBytes {
            // Row groups reach the object only when full: keep them under the object size.
            options.rowGroupBytes = max(65_536, min(options.rowGroupBytes, maxBytes))
            format.kind = .parquet(options)
        }
        var prefix = try config.string("path") ?? ""
        while prefix.hasPrefix("/") { prefix.removeFirst() }
        if !prefix.isEmpty, !prefix.hasSuffix("/") { prefix += "/" }
        return S3Loader(
            access: S3Access(connectionReference: try config.string("connection_id"), setup: setup, environment: environment),
            bucket: try config.requiredString("bucket"), prefix: prefix, format: format, maxRows: try config.integer("max_rows_per_file"),
            maxBytes: maxBytes.map(Int64.init), partSize: max(S3MultipartWriter.minimumPartSize, try config.integer("part_size") ?? 8 << 20))
    }
}
