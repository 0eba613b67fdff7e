import Pipelines

/// Checks a pipeline before it runs. The pipeline engine (issue 5) implements it with its module
/// registry: modules exist, their settings are valid, connections resolve, parameters are bound.
public protocol PipelineValidating: Sendable {
    /// The problems and remarks about `config` (the pipeline's `nodes`/`edges` document) run with
    /// `defaultParams`.
    func validate(config: JSONValue, defaultParams: [String: JSONValue]) async -> ValidationReport
}
