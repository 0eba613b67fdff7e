import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// A real `etl-builder serve` child process on a loopback port chosen by the kernel.
///
/// The daemon logs `Listening on http://HOST:PORT` once its socket accepts connections;
/// ``start(arguments:environment:workingDirectory:)`` waits for that line and reads the port from it.
final class DaemonProcess {
    /// Text a child writes on a pipe, appended from the pipe's reader thread.
    final class OutputBuffer: Sendable {
        private let text = Mutex("")
        func append(_ data: Data) { text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
        var contents: String { text.withLock { $0 } }
    }

    let process: Process
    private let stderrBuffer = OutputBuffer()
    private(set) var port: Int?

    private init(process: Process) {
        self.process = process
    }

    /// Everything the daemon wrote on stderr so far.
    var stderr: String { stderrBuffer.contents }

    /// The base URL of the running daemon, e.g. `http://127.0.0.1:43111`.
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port ?? 0)")! }

    /// Starts `etl-builder serve --host 127.0.0.1 --port 0 ARGUMENTS` and returns once it listens,
    /// or throws with its stderr if it exits or does not listen within `timeout`.
    static func start(
        arguments: [String] = [], environment: [String: String] = [:], workingDirectory: URL? = nil,
        timeout: Duration = .seconds(60)
    ) async throws -> DaemonProcess {
        let daemon = try launch(arguments: ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments,
                                environment: environment, workingDirectory: workingDirectory)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let port = daemon.listeningPort() {
                daemon.port = port
                return daemon
            }
            if !daemon.process.isRunning {
                throw DaemonProcessError.exited(status: daemon.process.terminationStatus, stderr: daemon.stderr)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        daemon.process.terminate()
        throw DaemonProcessError.notListening(stderr: daemon.stderr)
    }

    /// Starts `etl-builder` with `arguments` (or `launcher`, given the etl-builder path and
    /// `arguments`, e.g. `systemd-socket-activate`) without waiting for anything.
    static func launch(
        arguments: [String], environment: [String: String], workingDirectory: URL?, launcher: URL? = nil,
        launcherArguments: [String] = []
    ) throws -> DaemonProcess {
        let process = Process()
        process.executableURL = launcher ?? etlBuilderExecutable()
        if launcher != nil { process.arguments = launcherArguments + [etlBuilderExecutable().path] }
        process.arguments = (process.arguments ?? []) + arguments
        process.environment = childEnvironment(environment)
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let daemon = DaemonProcess(process: process)
        let buffer = daemon.stderrBuffer
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else { handle.readabilityHandler = nil; return }
            buffer.append(data)
        }
        try process.run()
        return daemon
    }

    private func listeningPort() -> Int? {
        let text = stderr
        guard let range = text.range(of: "Listening on http://") else { return nil }
        let rest = text[range.upperBound...]
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let digits = rest[rest.index(after: colon)...].prefix { $0.isNumber }
        return Int(digits)
    }

    /// Sends `signal` and waits for the process to exit; returns its exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM, timeout: Duration = .seconds(30)) async throws -> Int32 {
        kill(process.processIdentifier, signal)
        return try await waitForExit(timeout: timeout)
    }

    /// Waits for the process to exit on its own; returns its exit status.
    func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw DaemonProcessError.didNotExit(stderr: stderr)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        // Give the pipe reader a moment to drain the last lines.
        try await Task.sleep(for: .milliseconds(50))
        return process.terminationStatus
    }

    /// GETs `path` and returns the status code and body.
    func get(_ path: String) async throws -> (status: Int, body: Data) {
        let (data, response) = try await URLSession.shared.data(from: baseURL.appendingPathComponent(path))
        return ((response as! HTTPURLResponse).statusCode, data)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

enum DaemonProcessError: Error, CustomStringConvertible {
    case exited(status: Int32, stderr: String)
    case notListening(stderr: String)
    case didNotExit(stderr: String)

    var description: String {
        switch self {
        case .exited(let status, let stderr): "daemon exited with status \(status):\n\(stderr)"
        case .notListening(let stderr): "daemon did not log its listening port in time:\n\(stderr)"
        case .didNotExit(let stderr): "daemon did not exit in time:\n\(stderr)"
        }
    }
}
