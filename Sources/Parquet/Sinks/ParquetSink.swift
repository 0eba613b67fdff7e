/// Where a ``ParquetWriter`` sends its bytes, in file order: a local file (``FileSink``),
/// memory (``MemorySink``), or an upload that streams parts as they fill.
///
/// The writer calls ``write(_:)`` with whole column chunks and the footer; a sink may keep the
/// arrays it is given (they are not reused).
public protocol ParquetSink: AnyObject {
    /// Appends `bytes` to the output.
    func write(_ bytes: [UInt8]) async throws
}

/// Collects the file in memory. An uploader can drain it with ``takeBytes()`` after each
/// ``ParquetWriter/write(_:)`` to stream parts without holding the whole file.
public final class MemorySink: ParquetSink {
    /// The bytes written and not yet taken.
    public private(set) var bytes: [UInt8] = []
    /// Every byte ever written, taken or not.
    public private(set) var totalBytes: Int64 = 0

    /// An empty sink.
    public init() {}

    public func write(_ bytes: [UInt8]) async throws {
        if self.bytes.isEmpty {
            self.bytes = bytes
        } else {
            self.bytes.append(contentsOf: bytes)
        }
        totalBytes += Int64(bytes.count)
    }

    /// Returns the pending bytes and forgets them.
    public func takeBytes() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }
}
