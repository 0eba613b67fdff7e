import Foundation
import Logging
import Testing

@testable import ETLBuilder

@Suite("Configuration loading")
struct ConfigLoaderTests {
    /// A loader that never reads the real `/etc/etl-builder/config.yaml`.
    func loader(file: String? = nil, environment: [String: String] = [:], commandLine: [String: (value: String, option: String)] = [:]) throws -> ConfigLoader {
        var path: String?
        if let file {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).yaml").path
            try file.write(toFile: path!, atomically: true, encoding: .utf8)
        }
        return ConfigLoader(explicitPath: path, environment: environment, commandLine: commandLine, systemConfigPath: "/nonexistent/config.yaml")
    }

    func loadError(file: String? = nil, environment: [String: String] = [:]) throws -> ConfigError {
        let loader = try loader(file: file, environment: environment)
        do {
            _ = try loader.load()
        } catch {
            return error
        }
        Issue.record("expected a configuration error")
        throw CancellationError()
    }

    @Test("with no file and no environment every key has its built-in default")
    func defaults() throws {
        let settings = try loader().load()
        #expect(settings.server.host == "127.0.0.1")
        #expect(settings.server.port == 8000)
        #expect(settings.store.location == .embedded)
        #expect(settings.auth.accessTokenLifetime == .seconds(1800))
        #expect(settings.auth.registrationEnabled)
        #expect(settings.scheduler.defaultTimeZone.secondsFromGMT(for: Date()) == 0)
        #expect(settings.logging.level == .info)
        #expect(settings.sources["server.port"] == .builtInDefault)
    }

    @Test("the shipped etc/etl-builder/config.yaml documents every key with its default")
    func shippedFileMatchesSchema() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("etc/etl-builder/config.yaml").path
        let file = try ConfigFile(path: path)
        for spec in ConfigSchema.keys {
            let entry = try #require(file.entries[spec.key], "\(spec.key) is missing from the shipped config")
            #expect(entry.text == spec.defaultValue, "\(spec.key): shipped \(entry.text), default \(spec.defaultValue)")
        }
        #expect(file.entries.count == ConfigSchema.keys.count)
    }

    @Test("layers: command line over environment over file over defaults, each source recorded")
    func precedence() throws {
        let file = """
            server:
              host: 0.0.0.0
              port: 9000
            scheduler:
              default_timezone: Europe/Paris
            """
        let settings = try loader(
            file: file, environment: ["ETL_BUILDER_SERVER_PORT": "9100", "ETL_BUILDER_LOGGING_LEVEL": "debug"],
            commandLine: ["server.host": ("10.0.0.1", "--host")]
        ).load()
        #expect(settings.server.host == "10.0.0.1")
        #expect(settings.sources["server.host"] == .commandLine(option: "--host"))
        #expect(settings.server.port == 9100)
        #expect(settings.sources["server.port"] == .environment(name: "ETL_BUILDER_SERVER_PORT"))
        #expect(settings.scheduler.defaultTimeZone == TimeZone(identifier: "Europe/Paris"))
        guard case .file(_, let line) = settings.sources["scheduler.default_timezone"] else {
            Issue.record("expected a file source")
            return
        }
        #expect(line == 5)
        #expect(settings.logging.level == .debug)
    }

    @Test("an unknown key in the file is named with its line and the keys of its section")
    func unknownFileKey() throws {
        let error = try loadError(file: "server:\n  host: 127.0.0.1\n  prot: 8000\n")
        #expect(error.key == "server.prot")
        #expect(error.source.description.hasSuffix("line 3"))
        #expect(error.description.contains("unknown key"))
        #expect(error.description.contains("server.port"))
    }

    @Test("an unknown section is reported")
    func unknownSection() throws {
        let error = try loadError(file: "servr:\n  port: 8000\n")
        #expect(error.key == "servr.port")
        #expect(error.source.description.hasSuffix("line 2"))
    }

    @Test("a section given a value is reported")
    func sectionAsValue() throws {
        let error = try loadError(file: "server: 8000\n")
        #expect(error.key == "server")
        #expect(error.description.contains("is a section"))
    }

    @Test("a wrong type names the key, the line and what is allowed")
    func wrongTypeInFile() throws {
        let error = try loadError(file: "server:\n  port: eighty\n")
        #expect(error.description == "configuration error: server.port (\(error.source)): \"eighty\" is not an integer; expected an integer in 0-65535")
        #expect(error.source.description.hasSuffix("line 2"))
    }

    @Test("a list where a value belongs is a wrong type")
    func listValue() throws {
        let error = try loadError(file: "server:\n  port: [1, 2]\n")
        #expect(error.key == "server.port")
        #expect(error.description.contains("found a list"))
    }

    @Test("an impossible value from the environment names the variable")
    func outOfRangeFromEnvironment() throws {
        let error = try loadError(environment: ["ETL_BUILDER_SERVER_PORT": "70000"])
        #expect(error.key == "server.port")
        #expect(error.source == .environment(name: "ETL_BUILDER_SERVER_PORT"))
        #expect(error.description.contains("out of range"))
    }

    @Test("an unknown ETL_BUILDER_ variable is refused; ETL_BUILDER_CONFIG is the file, not a key")
    func unknownEnvironmentVariable() throws {
        let error = try loadError(environment: ["ETL_BUILDER_SERVER_PROT": "1"])
        #expect(error.key == "ETL_BUILDER_SERVER_PROT")
        #expect(error.description.contains("unknown setting"))
    }

    @Test("choices, time zones, booleans and store URLs are checked", arguments: [
        ("ETL_BUILDER_SCHEDULER_MISFIRE_POLICY", "sometimes", "one of skip, run_once, catch_up"),
        ("ETL_BUILDER_SCHEDULER_DEFAULT_TIMEZONE", "Mars/Olympus", "an IANA time zone name"),
        ("ETL_BUILDER_AUTH_REGISTRATION_ENABLED", "maybe", "true or false"),
        ("ETL_BUILDER_STORE_URL", "mysql://x", "sqlite:///absolute/path.db"),
        ("ETL_BUILDER_LOGGING_LEVEL", "loud", "one of trace, debug"),
        ("ETL_BUILDER_DATA_DIRECTORY", "relative/dir", "must be an absolute path"),
    ])
    func checkedValues(variable: String, value: String, allowed: String) throws {
        let error = try loadError(environment: [variable: value])
        #expect(error.source == .environment(name: variable))
        #expect(error.description.contains(allowed), "\(error)")
    }

    @Test("secrets are never echoed in errors")
    func secretsNotEchoed() throws {
        let error = try loadError(environment: ["ETL_BUILDER_AUTH_JWT_SECRET": "tooshort-but-secret"])
        #expect(error.key == "auth.jwt_secret")
        #expect(!error.description.contains("tooshort-but-secret"))
    }

    @Test("YAML syntax errors name the file line")
    func syntaxError() throws {
        let error = try loadError(file: "server:\n  port: 8000\n   host: [\n")
        #expect(error.description.contains("not valid YAML"))
    }

    @Test("an explicit null means the default")
    func nullMeansDefault() throws {
        let settings = try loader(file: "server:\n  port:\n").load()
        #expect(settings.server.port == 8000)
    }

    @Test("the configuration file comes from --config, else $ETL_BUILDER_CONFIG, else the system path")
    func fileLookup() throws {
        #expect(ConfigLoader(explicitPath: "/a.yaml", environment: ["ETL_BUILDER_CONFIG": "/b.yaml"]).configFilePath()?.path == "/a.yaml")
        #expect(ConfigLoader(explicitPath: nil, environment: ["ETL_BUILDER_CONFIG": "/b.yaml"]).configFilePath()?.path == "/b.yaml")
        #expect(ConfigLoader(explicitPath: nil, environment: [:], systemConfigPath: "/nonexistent.yaml").configFilePath() == nil)
    }
}
