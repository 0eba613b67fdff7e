import Foundation
import TestProcesses
import Glibc

/// The real `systemd-journald`, started standalone when no journald listens (it needs root, and
/// creates its sockets under /run/systemd/journal), and read back with `journalctl -o json`.
enum Journald {
    static let daemonPaths = ["/lib/systemd/systemd-journald", "/usr/lib/systemd/systemd-journald"]
    static let socketPath = "/run/systemd/journal/socket"

    /// Whether this machine can run the journal tests: root, journald and journalctl installed.
    static var isAvailable: Bool {
        getuid() == 0 && daemonPaths.contains { FileManager.default.isExecutableFile(atPath: $0) }
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/journalctl")
    }

    /// Starts journald unless one already listens; it keeps running after the tests (like in CI).
    static func ensureRunning() throws {
        if isListening() { return }
        try FileManager.default.createDirectory(atPath: "/run/systemd/journal", withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: daemonPaths.first { FileManager.default.isExecutableFile(atPath: $0) }!)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 where !isListening() { usleep(50_000) }
    }

    /// Whether a datagram can be sent to the journal socket.
    static func isListening() -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: socketPath.utf8) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        } == 0
    }

    /// The entries matching `match` (e.g. `_PID=…`) as JSON objects, waiting up to `timeout` for
    /// one that satisfies `predicate`.
    static func entries(
        matching match: String, where predicate: ([String: Any]) -> Bool, timeout: Duration = .seconds(60)
    ) throws -> [[String: Any]] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let data = try ChildProcess.run("/usr/bin/journalctl", ["-o", "json", "--no-pager", match]).stdout
            let entries = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
            if entries.contains(where: predicate) || ContinuousClock.now > deadline { return entries }
            usleep(100_000)
        }
    }
}
