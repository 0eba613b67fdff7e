import ArgumentParser
import Connectors
import Foundation
import Pipelines

/// `etl-builder validate FILE.json`: static validation, as `POST /pipelines/{id}/validate` does it
/// (without connection checks, which need the daemon's store).
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a pipeline file; exit 1 when it has errors.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Pipeline JSON: an API create request or a bare config with nodes and edges.", valueName: "file"))
    var file: String

    @Flag(help: "Print the report as JSON ({valid, errors, warnings}).")
    var json = false

    func run() async throws {
        try await reportingFailures {
            let document = try PipelineFile.load(file)
            let report = await PipelineValidator(registry: ProductCatalog.modules).validate(config: document.config, defaultParameters: document.defaultParameters)
            if json {
                print(report.jsonValue.canonicalText)
            } else {
                for issue in report.errors { print("error: \(issue.code.rawValue) \(issue.path): \(issue.message)") }
                for issue in report.warnings { print("warning: \(issue.code.rawValue) \(issue.path): \(issue.message)") }
                print(report.isValid ? "\(file): valid (\(report.warnings.count) warning(s))" : "\(file): invalid (\(report.errors.count) error(s))")
            }
            if !report.isValid { throw ExitCode.failure }
        }
    }
}
