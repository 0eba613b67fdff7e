import Pipelines

/// The S3 connector's modules, for a ``ModuleRegistry``: the `s3` extractor and loader, which
/// read the AWS environment of the process when a node has no `connection_id`.
public enum S3Modules {
    public static let all: [any PipelineModule] = [S3ExtractorModule(), S3LoaderModule()]
}
