import ArgumentParser

/// `etl-builder serve`: runs the daemon until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon: metadata store, scheduler and HTTP API.",
        discussion: "Stops gracefully on SIGTERM or SIGINT and exits 0. Configuration errors exit 78.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Address to listen on (overrides server.host).")
    var host: String?

    @Option(help: "Port to listen on, 0 for any free port (overrides server.port).")
    var port: Int?

    func run() async throws {
        var overrides: [String: (value: String, option: String)] = [:]
        if let host { overrides["server.host"] = (host, "--host") }
        if let port { overrides["server.port"] = (String(port), "--port") }
        let loader = global.loader(commandLine: overrides)
        let settings = try global.loadSettings(with: loader)
        let logger = LogOutput.bootstrap(settings.logging)
        try await reportingFailures {
            try await Daemon(settings: settings, loader: loader, logger: logger).run()
        }
    }
}
