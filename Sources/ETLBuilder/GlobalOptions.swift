import ArgumentParser
import Foundation

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Configuration file (YAML). Default: $ETL_BUILDER_CONFIG, else /etc/etl-builder/config.yaml when it exists.",
        valueName: "path"))
    var config: String?

    /// Loads the configuration with the given command-line overrides, or exits with status 78
    /// after printing which key is wrong, where it came from and what is allowed.
    func loadSettings(commandLine: [String: (value: String, option: String)] = [:]) throws -> Settings {
        try loadSettings(with: loader(commandLine: commandLine))
    }

    /// The loader for this process's `--config`, environment and `commandLine` overrides; `serve`
    /// keeps it to reload on SIGHUP.
    func loader(commandLine: [String: (value: String, option: String)] = [:]) -> ConfigLoader {
        ConfigLoader(explicitPath: config, environment: ProcessInfo.processInfo.environment, commandLine: commandLine)
    }

    /// Loads the configuration with `loader`, or exits with status 78 as ``loadSettings(commandLine:)``.
    func loadSettings(with loader: ConfigLoader) throws -> Settings {
        do {
            return try loader.load()
        } catch {
            printError(error.description)
            throw ExitCode(ConfigError.exitCode)
        }
    }
}

/// Writes one line to standard error: the channel for every diagnostic of the CLI.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
}
