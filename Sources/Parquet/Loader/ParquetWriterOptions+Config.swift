import Pipelines

extension ParquetWriterOptions {
    /// The options a loader node config asks for: `compression` (`none`, `snappy`, `gzip`,
    /// `zstd`), `row_group_rows`, `row_group_bytes`; the defaults elsewhere. Shared by every
    /// loader that writes Parquet (local files, object stores).
    public init(config: ModuleConfig) throws {
        self.init()
        if let name = try config.string("compression") {
            guard let compression = ParquetCompression(rawValue: name) else {
                throw ModuleConfigError(key: "compression", message: "must be one of none, snappy, gzip, zstd")
            }
            self.compression = compression
        }
        if let rows = try config.integer("row_group_rows") { rowGroupRows = rows }
        if let bytes = try config.integer("row_group_bytes") { rowGroupBytes = bytes }
        try validate()
    }
}
