#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Pipelines

/// Reads a file in large chunks with `read(2)`, keeping the unconsumed tail of the previous
/// chunk in front of the next one, so parsers can work on whole records.
final class ByteFileReader: ByteChunkReader {
    private let descriptor: Int32
    private let chunkSize: Int
    /// Bytes read and not consumed yet; `buffer[start..<end]` is live.
    private(set) var buffer: [UInt8]
    private(set) var start = 0
    private(set) var end = 0
    private(set) var isAtEnd = false
    /// Bytes read from the file so far.
    private(set) var bytesRead: Int64 = 0
    /// The file's size in bytes when known (for progress).
    let size: Int64

    init(path: String, chunkSize: Int = 1 << 20) throws {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw NodeFailure("cannot open \(path): \(String(cString: strerror(errno)))") }
        var status = stat()
        size = fstat(descriptor, &status) == 0 ? Int64(status.st_size) : 0
        self.chunkSize = chunkSize
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    deinit { close(descriptor) }

    /// Marks `count` live bytes as consumed.
    func consume(_ count: Int) { start += count }

    /// Moves the live bytes to the front and reads more after them. Returns false at end of file.
    func fill() throws -> Bool {
        guard !isAtEnd else { return false }
        if start > 0 {
            let live = end - start
            if live > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + start, live)
                }
            }
            start = 0
            end = live
        }
        if buffer.count - end < chunkSize / 2 { buffer.append(contentsOf: repeatElement(0, count: max(chunkSize, buffer.count))) }
        let capacity = buffer.count - end
        let count = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress! + end, capacity) }
        guard count >= 0 else { throw NodeFailure("read failed: \(String(cString: strerror(errno)))") }
        if count == 0 {
            isAtEnd = true
            return false
        }
        end += count
        bytesRead += Int64(count)
        return true
    }

    /// How much of the file has been read (0…1).
    var fraction: Double { size > 0 ? Double(bytesRead) / Double(size) : 0 }
}
