import CSnappy

/// SNAPPY through libsnappy's C API (raw Snappy blocks, no framing, as Parquet expects).
final class SnappyCompressor: PageCompressor {
    func compress(_ input: [UInt8], into output: inout [UInt8]) throws(ParquetWriterError) {
        let bound = snappy_max_compressed_length(input.count)
        output.removeAll(keepingCapacity: true)
        var status = SNAPPY_OK
        output.append(contentsOf: repeatElement(0, count: bound))
        var length = bound
        input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                status = snappy_compress(
                    source.baseAddress?.assumingMemoryBound(to: CChar.self), source.count,
                    target.baseAddress?.assumingMemoryBound(to: CChar.self), &length)
            }
        }
        guard status == SNAPPY_OK else { throw .compressionFailed(codec: .snappy, detail: "status \(status.rawValue)") }
        output.removeSubrange(length...)
    }
}
