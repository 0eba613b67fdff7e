/// Why a Parquet file could not be written.
public enum ParquetWriterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A batch's schema differs from the file's.
    case schemaMismatch(expected: String, found: String)
    /// The writer was used after ``ParquetWriter/close()``.
    case closed
    /// A codec library reported a failure.
    case compressionFailed(codec: ParquetCompression, detail: String)
    /// The sink could not take the bytes.
    case output(path: String, detail: String)
    /// An option is out of range.
    case invalidOption(name: String, detail: String)

    /// A stable identifier of the kind of failure.
    public var errorCode: String {
        switch self {
        case .schemaMismatch: "parquet_schema_mismatch"
        case .closed: "parquet_writer_closed"
        case .compressionFailed: "parquet_compression_failed"
        case .output: "parquet_output_failed"
        case .invalidOption: "parquet_invalid_option"
        }
    }

    public var description: String {
        switch self {
        case .schemaMismatch(let expected, let found): "a batch has columns \(found) but the Parquet file has \(expected)"
        case .closed: "the Parquet writer is already closed"
        case .compressionFailed(let codec, let detail): "\(codec.rawValue) compression failed: \(detail)"
        case .output(let path, let detail): "cannot write \(path): \(detail)"
        case .invalidOption(let name, let detail): "Parquet option \(name): \(detail)"
        }
    }
}
