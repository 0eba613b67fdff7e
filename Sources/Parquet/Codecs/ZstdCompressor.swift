import CZstd

/// ZSTD through libzstd, with one reusable compression context.
final class ZstdCompressor: PageCompressor {
    /// Level 1, as Arrow's writer defaults to: fast, still well ahead of Snappy in ratio.
    private static let level: Int32 = 1
    private let context: OpaquePointer

    init() throws(ParquetWriterError) {
        guard let context = ZSTD_createCCtx() else { throw .compressionFailed(codec: .zstd, detail: "cannot create a context") }
        self.context = context
    }

    deinit { ZSTD_freeCCtx(context) }

    func compress(_ input: [UInt8], into output: inout [UInt8]) throws(ParquetWriterError) {
        let bound = ZSTD_compressBound(input.count)
        output.removeAll(keepingCapacity: true)
        output.append(contentsOf: repeatElement(0, count: bound))
        let written = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                ZSTD_compressCCtx(context, target.baseAddress, target.count, source.baseAddress, source.count, Self.level)
            }
        }
        if ZSTD_isError(written) != 0 {
            throw .compressionFailed(codec: .zstd, detail: String(cString: ZSTD_getErrorName(written)))
        }
        output.removeSubrange(written...)
    }
}
