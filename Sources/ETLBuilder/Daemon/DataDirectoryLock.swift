import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `<data dir>/etl-builder.lock`, held for the life of the process so that
/// two daemons never share one data directory. The kernel releases it when the process dies,
/// so a crash never leaves a stale lock behind.
final class DataDirectoryLock: Sendable {
    static let fileName = "etl-builder.lock"

    private let descriptor: Int32

    /// Takes the lock or throws ``DaemonError/dataDirectoryLocked(path:holder:)`` at once.
    init(directory: DataDirectory) throws {
        let path = directory.file(Self.fileName)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw DaemonError.dataDirectory(path: path, reason: "cannot open the lock file (errno \(errno))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readHolder(fd)
            close(fd)
            throw DaemonError.dataDirectoryLocked(path: directory.path, holder: holder)
        }
        // Record our pid so the next one to fail can say who holds the lock.
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        descriptor = fd
    }

    deinit {
        close(descriptor)
    }

    private static func readHolder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
