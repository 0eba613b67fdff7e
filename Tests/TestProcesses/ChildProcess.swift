#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// What a finished child process printed and returned.
public struct ChildProcessResult: Sendable {
    /// The exit status, or 128 + the signal number when a signal ended it.
    public var status: Int32
    public var stdout: Data
    public var stderr: Data

    /// Standard output as text.
    public var output: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error as text.
    public var errors: String { String(decoding: stderr, as: UTF8.self) }
}

/// Short-lived child processes for the tests (python checkers, psql, journalctl, gzip, the
/// `etl-builder` commands), spawned with `posix_spawn` and reaped with `waitpid` on that very
/// pid. Foundation's `Process` is not used for them: on Linux it learns of a child's exit
/// through a socket the child inherits, and with many children started concurrently by parallel
/// tests that detection was seen to miss exits — zombies, and `waitUntilExit()` never returning.
public enum ChildProcess {
    /// Runs `executable` (a path, or a name looked up in `PATH` by `/usr/bin/env`) with
    /// `arguments`, feeding `stdin`, and waits for it. `environment` replaces this process's
    /// environment when given.
    public static func run(
        _ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil, stdin: Data = Data(),
        workingDirectory: String? = nil
    ) throws -> ChildProcessResult {
        // `env` finds a bare name in PATH and, with -C, changes directory first (coreutils).
        let argv = ["/usr/bin/env"] + (workingDirectory.map { ["-C", $0] } ?? []) + [executable] + arguments
        let environmentLines = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        // One spawn at a time: the pipes are close-on-exec only once fcntl ran, so a child spawned
        // in between by another test would inherit them and keep them open.
        let (spawned, input, output, errors) = try spawnLock.withLock { _ throws -> (Int32, Pipe, Pipe, Pipe) in
            let input = try Self.pipe(), output = try Self.pipe(), errors = try Self.pipe()
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, input.read, 0)
            posix_spawn_file_actions_adddup2(&actions, output.write, 1)
            posix_spawn_file_actions_adddup2(&actions, errors.write, 2)
            let spawned = withCStrings(argv) { argvPointers in
                withCStrings(environmentLines) { environmentPointers in
                    posix_spawn(&pid, "/usr/bin/env", &actions, nil, argvPointers, environmentPointers)
                }
            }
            for descriptor in [input.read, output.write, errors.write] { close(descriptor) }
            return (spawned, input, output, errors)
        }
        guard spawned == 0 else {
            for descriptor in [input.write, output.read, errors.read] { close(descriptor) }
            throw ChildProcessError(message: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        // Feed stdin and drain both outputs at once, so no pipe fills up and blocks the child.
        let writer = Thread {
            stdin.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = write(input.write, raw.baseAddress! + offset, raw.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(input.write)
        }
        writer.start()
        let collectedErrors = Mutex(Data())
        let errorsRead = DispatchSemaphore(value: 0)
        Thread {
            let data = Self.readAll(errors.read)
            collectedErrors.withLock { $0 = data }
            errorsRead.signal()
        }.start()
        let collectedOutput = Self.readAll(output.read)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        errorsRead.wait()
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildProcessResult(status: exit, stdout: collectedOutput, stderr: collectedErrors.withLock { $0 })
    }

    /// ``run(_:_:environment:stdin:workingDirectory:)`` on a thread of its own, so the test's
    /// task never holds one of Swift's cooperative threads (two here) while the child runs.
    public static func run(
        async executable: String, _ arguments: [String] = [], environment: [String: String]? = nil, stdin: Data = Data(),
        workingDirectory: String? = nil
    ) async throws -> ChildProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result {
                        try run(executable, arguments, environment: environment, stdin: stdin, workingDirectory: workingDirectory)
                    })
            }.start()
        }
    }

    private typealias Pipe = (read: Int32, write: Int32)

    private static let spawnLock = Mutex(())

    /// A pipe whose ends are closed on exec (children get them only through dup2).
    private static func pipe() throws -> Pipe {
        var descriptors: [Int32] = [0, 0]
        guard Glibc.pipe(&descriptors) == 0 else {
            throw ChildProcessError(message: "pipe: \(String(cString: strerror(errno)))")
        }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return (descriptors[0], descriptors[1])
    }

    private static func readAll(_ descriptor: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            data.append(buffer, count: count)
        }
        close(descriptor)
        return data
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        var pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}

/// A child that could not be started.
public struct ChildProcessError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}
