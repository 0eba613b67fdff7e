import Foundation
import TestProcesses
import Synchronization

/// What a finished `etl-builder` command printed and returned.
struct CommandResult: Sendable {
    var exitCode: Int32
    var stdout: String
    var stderr: String
}

/// The `etl-builder` executable built next to this test bundle.
func etlBuilderExecutable() -> URL {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = testBinary.deletingLastPathComponent()
    // The XCTest bundle on Linux is a file, on macOS a directory `…xctest/Contents/MacOS/…`.
    while directory.pathComponents.count > 1 {
        let candidate = directory.appendingPathComponent("etl-builder")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/.build/debug/etl-builder")
}

/// The environment for a child process: this one's, without any `ETL_BUILDER_` setting or
/// systemd variable that could leak in from the developer's shell, plus `extra`.
func childEnvironment(_ extra: [String: String]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { name, _ in
        !name.hasPrefix("ETL_BUILDER_") && !["STATE_DIRECTORY", "CREDENTIALS_DIRECTORY", "NOTIFY_SOCKET", "JOURNAL_STREAM"].contains(name)
    }
    environment.merge(extra) { $1 }
    return environment
}

/// Runs `etl-builder` with `arguments` to completion, feeding `stdin` when given.
///
/// The child is awaited on a thread of its own, never on one of Swift's cooperative pool: a
/// blocked pool thread (there are as many as cores, two here) would stall every other test's
/// async work while the child runs.
func runETLBuilder(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
    workingDirectory: URL? = nil
) async throws -> CommandResult {
    let result = try await ChildProcess.run(
        async: etlBuilderExecutable().path, arguments, environment: childEnvironment(environment), stdin: Data((stdin ?? "").utf8),
        workingDirectory: workingDirectory?.path)
    return CommandResult(exitCode: result.status, stdout: result.output, stderr: result.errors)
}

/// A scratch directory removed when the value is released.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("etl-builder-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
