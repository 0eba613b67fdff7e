/// Bytes read in chunks into one buffer, the unconsumed tail of the previous chunk kept in
/// front of the next one, so parsers can work on whole records. A local file
/// (`ByteFileReader`) is one; an object store's download stream can be another.
public protocol ByteChunkReader: AnyObject {
    /// Bytes read and not consumed yet: `buffer[start..<end]` is live.
    var buffer: [UInt8] { get }
    var start: Int { get }
    var end: Int { get }
    /// Marks `count` live bytes as consumed.
    func consume(_ count: Int)
    /// Moves the live bytes to the front and reads more after them. Returns false at the end.
    func fill() async throws -> Bool
    /// How much of the source has been read (0…1), for progress.
    var fraction: Double { get }
}
