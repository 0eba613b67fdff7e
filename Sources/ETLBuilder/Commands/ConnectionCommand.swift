import API
import ArgumentParser
import Foundation
import Logging
import Pipelines
import Store

/// `etl-builder connection …`: the connections pipelines name in `connection_id`, managed from
/// the shell (for `etl-builder run` and scripts). Secrets are encrypted in the store as through
/// the API and never printed.
struct ConnectionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connection", abstract: "Manage connections.", subcommands: [Create.self, List.self, Test.self, Delete.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Create a connection.",
            discussion: """
                Example: connection create --name warehouse --type postgres --config '{"host": "db", "database": "dw", "username": "etl", "password": "…"}'
                Here --config is the connection's config; the daemon's configuration file is --config-file.
                """)

        @Option(name: .customLong("config-file"), help: ArgumentHelp(
            "Configuration file (YAML). Default: $ETL_BUILDER_CONFIG, else /etc/etl-builder/config.yaml when it exists.",
            valueName: "path"))
        var configFile: String?
        @Option(help: "Unique name (case-insensitive); pipelines may use it as connection_id.") var name: String
        @Option(help: ArgumentHelp("One of: \(ProductCatalog.connectionTypes.names.joined(separator: ", ")).")) var type: String
        @Option(help: ArgumentHelp("The config as a JSON object; secret fields (password…) are stored encrypted.", valueName: "json"))
        var config: String
        @Option(help: "What the connection is for.") var description: String?

        func run() async throws {
            let global = try GlobalOptions.parse(configFile.map { ["--config", $0] } ?? [])
            let command = try global.storeCommand()
            try await reportingFailures {
                let object = try ConnectionConfigInput.parse(config, type: type)
                let (plain, secrets) = SecretFields.split(object)
                let record = try await command.run { store in
                    try await store.createConnection(
                        NewConnection(name: name, type: type, description: description, config: plain, secrets: secrets))
                }
                print("Created connection \(record.name) (\(record.type)), id \(record.id.uuidString.lowercased())")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List connections.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let command = try global.storeCommand()
            try await reportingFailures {
                let records = try await command.run { store in
                    try await store.listConnections(page: PageRequest(page: 1, pageSize: 10_000)).items
                }
                let rows = records.map { record in
                    [record.name, record.type, record.status.rawValue, record.lastTestedAt.map { $0.formatted(.iso8601) } ?? "never",
                     record.id.uuidString.lowercased()]
                }
                print(TextTable.render(header: ["NAME", "TYPE", "STATUS", "LAST TESTED", "ID"], rows: rows))
            }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test", abstract: "Connect with a connection's settings; exit 1 when it fails.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The connection's name or id.") var connection: String

        func run() async throws {
            let command = try global.storeCommand()
            try await reportingFailures {
                let (record, result) = try await command.run { store in
                    let record = try await ConnectionCommand.find(connection, in: store)
                    let result = await ProductConnectionTester().test(record)
                    switch result.status {
                    case .success: _ = try await store.setConnectionTestResult(id: record.id, status: .active, message: result.message)
                    case .failed: _ = try await store.setConnectionTestResult(id: record.id, status: .error, message: result.message)
                    case .unsupported: break
                    }
                    return (record, result)
                }
                switch result.status {
                case .success:
                    let latency = result.latencyMilliseconds.map { " in \($0) ms" } ?? ""
                    print("\(record.name): connection successful\(latency)" + (result.version.map { " — \($0)" } ?? ""))
                case .failed, .unsupported:
                    throw ConnectionCommandError.testFailed(name: record.name, message: result.message)
                }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a connection.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The connection's name or id.") var connection: String

        func run() async throws {
            let command = try global.storeCommand()
            try await reportingFailures {
                let record = try await command.run { store in
                    let record = try await ConnectionCommand.find(connection, in: store)
                    try await store.deleteConnection(id: record.id)
                    return record
                }
                print("Deleted connection \(record.name)")
            }
        }
    }

    /// The connection called `reference`, or with that id.
    static func find(_ reference: String, in store: any MetadataStore) async throws -> ConnectionRecord {
        if let id = UUID(uuidString: reference), let record = try await store.connection(id: id) { return record }
        guard let record = try await store.connection(named: reference) else { throw ConnectionCommandError.unknown(reference) }
        return record
    }
}

/// Reads `--config` and checks it against the connection type.
enum ConnectionConfigInput {
    static func parse(_ text: String, type: String) throws -> [String: JSONValue] {
        guard let object = (try? JSONValue(parsing: text))?.objectValue else {
            throw ConnectionCommandError.invalidConfig(["--config is not a JSON object"])
        }
        let problems = ProductCatalog.connectionTypes.problems(type: type, config: object)
        guard problems.isEmpty else { throw ConnectionCommandError.invalidConfig(problems.map(\.description)) }
        return object
    }
}

enum ConnectionCommandError: Error, CustomStringConvertible {
    case unknown(String)
    case invalidConfig([String])
    case testFailed(name: String, message: String)

    var description: String {
        switch self {
        case .unknown(let reference): "no connection is named or has the id \"\(reference)\""
        case .invalidConfig(let problems): "invalid connection: " + problems.joined(separator: "; ")
        case .testFailed(let name, let message): "connection \(name) failed: \(message)"
        }
    }
}
