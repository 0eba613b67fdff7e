import CZlib
import Pipelines

/// Compresses a stream of bytes into one gzip member (RFC 1952), chunk by chunk.
final class GzipDeflater {
    private var stream = z_stream()

    init() throws {
        let status = etl_deflate_init_gzip(&stream, Z_DEFAULT_COMPRESSION)
        guard status == Z_OK else { throw NodeFailure("gzip: deflateInit2 returned \(status)") }
    }

    deinit { deflateEnd(&stream) }

    /// The compressed bytes `input` produces so far (zlib may hold some back).
    func compress(_ input: [UInt8]) throws -> [UInt8] { try run(input, flush: Z_NO_FLUSH) }

    /// The rest of the stream and the gzip trailer.
    func finish() throws -> [UInt8] { try run([], flush: Z_FINISH) }

    private func run(_ input: [UInt8], flush: Int32) throws -> [UInt8] {
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(64 << 10, input.count / 2))
        try input.withUnsafeBytes { source in
            // zlib never writes through next_in; its type is only non-const without ZLIB_CONST.
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBytes { target in
                    stream.next_out = target.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(target.count)
                    let status = deflate(&stream, flush)
                    return (status, target.count - Int(stream.avail_out))
                }
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw NodeFailure("gzip: deflate returned \(status)")
                }
                output.append(contentsOf: chunk[..<produced])
                if status == Z_STREAM_END || (flush == Z_NO_FLUSH && stream.avail_in == 0 && stream.avail_out > 0) { break }
                if status == Z_BUF_ERROR && produced == 0 { break }
            }
        }
        stream.next_in = nil
        return output
    }
}

/// Decompresses gzip data chunk by chunk; concatenated members (as `cat a.gz b.gz` makes) are
/// read one after the other.
final class GzipInflater {
    private var stream = z_stream()
    /// Whether the last member ended (a truncated file ends without it).
    private(set) var atMemberEnd = false

    init() throws {
        let status = etl_inflate_init_gzip(&stream)
        guard status == Z_OK else { throw NodeFailure("gzip: inflateInit2 returned \(status)") }
    }

    deinit { inflateEnd(&stream) }

    /// The bytes `input` decompresses to, appended to `output`; `source` names the data in errors.
    func decompress(_ input: [UInt8], into output: inout [UInt8], source: String) throws {
        var chunk = [UInt8](repeating: 0, count: max(64 << 10, input.count * 4))
        try input.withUnsafeBytes { raw in
            stream.next_in = UnsafeMutablePointer(mutating: raw.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(raw.count)
            while stream.avail_in > 0 {
                let (status, produced) = chunk.withUnsafeMutableBytes { target in
                    stream.next_out = target.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(target.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, target.count - Int(stream.avail_out))
                }
                output.append(contentsOf: chunk[..<produced])
                switch status {
                case Z_STREAM_END:
                    atMemberEnd = true
                    if stream.avail_in > 0 { inflateReset(&stream) }
                case Z_OK, Z_BUF_ERROR:
                    if produced > 0 || stream.avail_in > 0 { atMemberEnd = false }
                default:
                    throw NodeFailure("\(source) is not valid gzip data (inflate returned \(status))")
                }
            }
        }
        stream.next_in = nil
    }

    /// The gzip magic number (`1f 8b`).
    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }
}
