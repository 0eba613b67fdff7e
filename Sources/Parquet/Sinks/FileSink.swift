#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a Parquet file to a local path with `write(2)`, creating or truncating it. It does
/// not rename or remove anything: atomic publication is the caller's (the `parquet` loader
/// writes to a temporary name and renames on commit).
public final class FileSink: ParquetSink {
    /// The file written.
    public let path: String
    private var descriptor: Int32

    /// Opens `path` for writing (mode 0644); the directory must exist.
    public init(path: String) throws(ParquetWriterError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .output(path: path, detail: String(cString: strerror(errno))) }
    }

    deinit { if descriptor >= 0 { _ = closeDescriptor(descriptor) } }

    public func write(_ bytes: [UInt8]) async throws {
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeBytes { writeDescriptor(descriptor, $0.baseAddress! + done, $0.count - done) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw ParquetWriterError.output(path: path, detail: String(cString: strerror(errno))) }
            done += written
        }
    }

    /// Flushes the file to stable storage and closes it.
    public func close() throws(ParquetWriterError) {
        guard descriptor >= 0 else { return }
        defer { descriptor = -1 }
        guard fsync(descriptor) == 0 else {
            let detail = String(cString: strerror(errno))
            _ = closeDescriptor(descriptor)
            throw .output(path: path, detail: "fsync: \(detail)")
        }
        guard closeDescriptor(descriptor) == 0 else { throw .output(path: path, detail: String(cString: strerror(errno))) }
    }
}

// The C calls under names the sink's own `write` and `close` methods do not shadow.
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func writeDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }
