import API
import Pipelines

/// Answers `POST /pipelines/{id}/validate` and guards create/update with the pipeline engine's
/// own validator: the same rules `etl-builder validate` and the executor apply.
struct EngineValidator: PipelineValidating {
    let registry: ModuleRegistry
    /// Checks that `connection_id`s name a connection of a type the module accepts.
    let connections: any ConnectionLookup

    func validate(config: JSONValue, defaultParams: [String: JSONValue]) async -> API.ValidationReport {
        let report = await PipelineValidator(registry: registry, connections: connections).validate(
            config: config, defaultParameters: defaultParams, parameters: [:])
        return API.ValidationReport(errors: report.errors.map(\.message), warnings: report.warnings.map(\.message))
    }
}
