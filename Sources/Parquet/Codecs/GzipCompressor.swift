import CZlib

/// GZIP through zlib: deflate with a gzip wrapper (RFC 1952), one stream reset per page.
final class GzipCompressor: PageCompressor {
    private var stream = z_stream()

    init() throws(ParquetWriterError) {
        let status = etl_deflate_init_gzip(&stream, Z_DEFAULT_COMPRESSION)
        guard status == Z_OK else { throw .compressionFailed(codec: .gzip, detail: "deflateInit2 returned \(status)") }
    }

    deinit { deflateEnd(&stream) }

    func compress(_ input: [UInt8], into output: inout [UInt8]) throws(ParquetWriterError) {
        guard deflateReset(&stream) == Z_OK else { throw .compressionFailed(codec: .gzip, detail: "deflateReset failed") }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        output.removeAll(keepingCapacity: true)
        output.append(contentsOf: repeatElement(0, count: bound))
        let status = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                // zlib never writes through next_in; its type is only non-const without ZLIB_CONST.
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress?.assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .compressionFailed(codec: .gzip, detail: "deflate returned \(status)") }
        output.removeSubrange(Int(stream.total_out)...)
    }
}
