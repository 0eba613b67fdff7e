import Connectors
import Foundation
import Pipelines
import S3Client

/// The `s3` extractor: reads csv or jsonl objects (gzip-aware) under a prefix or matching a glob.
///
/// Config: `connection_id` (optional), `bucket`, `prefix` or `glob` (`*`, `?`, `**`), `format`,
/// `compression` (`auto`, `gzip`, `none`), and the csv options of the `csv` extractor.
public struct S3ExtractorModule: PipelineModule {
    public let descriptor = ModuleDescriptor(
        kind: .extractor, name: "s3", displayName: "Amazon S3", description: "Read rows from csv or jsonl objects in S3 (gzip-aware)",
        icon: "cloud-download", color: "#FF9900",
        schema: [
            "type": "object", "additionalProperties": false, "required": ["bucket"],
            "properties": .object(CSVExtractor.configProperties.merging([
                "connection_id": S3ModuleProperties.connection,
                "bucket": S3ModuleProperties.bucket,
                "prefix": ["type": "string", "title": "Key prefix", "description": "Read every object under it"],
                "glob": [
                    "type": "string", "title": "Key pattern",
                    "description": "Read the keys it matches: * and ? within a path segment, ** across segments (data/**/*.csv.gz)",
                ],
                "format": ["type": "string", "enum": ["csv", "jsonl"], "default": "csv", "title": "Format"],
                "compression": [
                    "type": "string", "enum": ["auto", "gzip", "none"], "default": "auto", "title": "Compression",
                    "description": "auto: gzip when the key ends in .gz or the data starts with the gzip magic number",
                ],
            ]) { $1 }),
        ],
        connectionTypes: ["s3"])

    private let environment: [String: String]

    /// The module; nodes without `connection_id` read the AWS variables of `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) { self.environment = environment }

    public func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis {
        var analysis = CSVExtractor.analyze(config)
        if (config["prefix"] != nil) == (config["glob"] != nil) {
            analysis.problems.append(ModuleProblem(.invalidConfig, path: "", message: "set exactly one of prefix and glob"))
        }
        return analysis
    }

    public func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        let selection: KeySelection
        if let glob = try config.string("glob") {
            selection = KeySelection(glob: glob)
        } else {
            selection = KeySelection(prefix: try config.string("prefix") ?? "")
        }
        guard let compression = ObjectCompression(rawValue: try config.string("compression") ?? "auto") else {
            throw ModuleConfigError(key: "compression", message: "must be auto, gzip or none")
        }
        return S3Extractor(
            access: S3Access(connectionReference: try config.string("connection_id"), setup: setup, environment: environment),
            bucket: try config.requiredString("bucket"), selection: selection,
            format: try config.string("format") == "jsonl" ? .jsonl : .csv, compression: compression, config: config)
    }
}
