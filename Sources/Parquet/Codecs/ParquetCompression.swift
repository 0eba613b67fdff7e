/// The page compression codec of a Parquet file.
public enum ParquetCompression: String, Sendable, Hashable, CaseIterable {
    case none
    case snappy
    case gzip
    case zstd

    /// The `CompressionCodec` value of parquet.thrift.
    var thriftValue: Int32 {
        switch self {
        case .none: 0
        case .snappy: 1
        case .gzip: 2
        case .zstd: 6
        }
    }

    /// A fresh compressor (each holds its own library context; one per writer).
    func makeCompressor() throws(ParquetWriterError) -> any PageCompressor {
        switch self {
        case .none: IdentityCompressor()
        case .snappy: SnappyCompressor()
        case .gzip: try GzipCompressor()
        case .zstd: try ZstdCompressor()
        }
    }
}

/// Compresses page bodies.
protocol PageCompressor: AnyObject {
    /// Replaces `output` with the compressed form of `input`.
    func compress(_ input: [UInt8], into output: inout [UInt8]) throws(ParquetWriterError)
}

/// UNCOMPRESSED: the page body as is.
final class IdentityCompressor: PageCompressor {
    func compress(_ input: [UInt8], into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        output.append(contentsOf: input)
    }
}
