import ArgumentParser
import Connectors
import Foundation
import Pipelines

/// `etl-builder run FILE.json [--param key=value …]`: runs a pipeline in this process, without
/// the daemon: live per-node progress, a summary table, non-zero exit on failure.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a pipeline file once, in the foreground.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Pipeline JSON: an API create request or a bare config with nodes and edges.", valueName: "file"))
    var file: String

    @Option(name: .customLong("param"), help: ArgumentHelp("A parameter, over default_params (repeatable). Values that are JSON numbers or booleans keep their type.", valueName: "key=value"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("Directory relative file paths resolve against. Default: <data dir>/files.", valueName: "path"))
    var filesRoot: String?

    @Option(help: ArgumentHelp("Stop the run after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    func run() async throws {
        let settings = try global.loadSettings()
        try await reportingFailures {
            let document = try PipelineFile.load(file)
            var values: [String: JSONValue] = [:]
            for parameter in parameters {
                guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                    throw ValidationError("--param needs key=value, not \(parameter)")
                }
                let text = String(parameter[parameter.index(after: equals)...])
                let parsed = try? JSONValue(parsing: text)
                values[String(parameter[..<equals])] = parsed.flatMap { value in
                    switch value {
                    case .integer, .double, .bool: value
                    default: nil
                    }
                } ?? .string(text)
            }
            let environment = ProcessInfo.processInfo.environment
            let dataDirectory = try DataDirectory.resolve(environment: environment, configured: settings.configuredDataDirectory)
            let root = filesRoot.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 } ?? settings.filesRoot
            let engineEnvironment = EngineEnvironment(dataDirectory: dataDirectory.path, filesRoot: root)
            let request = ExecutionRequest(
                reference: ExecutionReference(executionID: UUID(), pipelineID: UUID()), pipelineName: document.name, config: document.config,
                defaultParameters: document.defaultParameters, parameters: values, scheduledFor: nil, triggerType: "manual", attempt: 1,
                timeout: timeout.map { .milliseconds(Int64($0 * 1000)) })
            guard document.usesConnections else {
                return try await execute(request, engine: PipelineEngine(registry: ProductCatalog.modules, environment: engineEnvironment), config: document.config)
            }
            // Nodes name connections: read them (decrypted) from the metadata store.
            let logger = LogOutput.bootstrap(settings.logging)
            try await StoreSession.run(settings: settings, environment: environment, logger: logger) { store, _ in
                let connections = StoreConnections(store: store)
                let engine = PipelineEngine(
                    registry: ProductCatalog.modules, environment: engineEnvironment, connections: connections, resolver: connections)
                try await execute(request, engine: engine, config: document.config)
            }
        }
    }

    /// Runs `request`, showing progress, then the summary; throws when the run failed.
    private func execute(_ request: ExecutionRequest, engine: PipelineEngine, config: JSONValue) async throws {
        let events = ExecutionEvents()
        let stream = events.subscribe()
        let display = RunDisplay(nodeIDs: RunDisplay.nodeIDs(of: config), live: isatty(STDOUT_FILENO) == 1)
        let started = ContinuousClock.now
        let run = Task {
            defer { events.finish() }
            return try await engine.run(request, events: events)
        }
        for await event in stream { display.handle(event) }
        let result = await run.result
        display.printSummary(elapsed: ContinuousClock.now - started)
        switch result {
        case .success(let outcome):
            print("Succeeded: \(outcome.rowsProcessed) row(s), \(outcome.dataSizeBytes) byte(s) written.")
        case .failure(let error):
            throw error
        }
    }
}
