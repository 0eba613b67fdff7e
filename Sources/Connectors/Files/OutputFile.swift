#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Pipelines

/// A file a loader writes atomically: bytes go to a hidden temporary name next to the target,
/// buffered and written with `write(2)`; the rename to the target happens only when the whole
/// run succeeded (``NodeContext/onCommit(_:rollback:)``), so a target is never half-written.
final class OutputFile {
    let path: String
    let temporaryPath: String
    private let descriptor: Int32
    /// Bytes waiting to be written.
    var pending: [UInt8] = []
    private(set) var bytesWritten: Int64 = 0

    init(path: String, executionID: UUID) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        temporaryPath = directory + "/." + url.lastPathComponent + "." + executionID.uuidString.lowercased() + ".tmp"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw NodeFailure("cannot create \(temporaryPath): \(String(cString: strerror(errno)))") }
        pending.reserveCapacity(1 << 20)
    }

    deinit { close(descriptor) }

    /// Writes the pending bytes when there are enough of them (or all, with `force`).
    func flush(force: Bool = false) throws {
        guard pending.count >= (force ? 1 : 1 << 20) else { return }
        try pending.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                guard written > 0 else { throw NodeFailure("write to \(temporaryPath) failed: \(String(cString: strerror(errno)))") }
                offset += written
            }
        }
        bytesWritten += Int64(pending.count)
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and registers the rename (or removal) with the run.
    func complete(context: NodeContext) throws {
        try flush(force: true)
        guard fsync(descriptor) == 0 else { throw NodeFailure("fsync of \(temporaryPath) failed") }
        let (temporary, target) = (temporaryPath, path)
        context.onCommit({
            guard rename(temporary, target) == 0 else { throw NodeFailure("cannot rename to \(target): \(String(cString: strerror(errno)))") }
        }, rollback: { _ = unlink(temporary) })
    }

    /// Removes the temporary file (the node failed before completing).
    func discard() { _ = unlink(temporaryPath) }
}
