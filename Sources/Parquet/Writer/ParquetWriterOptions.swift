/// How a ``ParquetWriter`` lays out its file.
public struct ParquetWriterOptions: Sendable, Hashable {
    /// Page compression (default snappy).
    public var compression: ParquetCompression
    /// A row group is closed once it holds this many rows…
    public var rowGroupRows: Int
    /// …or once its encoded, compressed pages reach this many bytes. This bounds the writer's
    /// memory: a row group is held until it is complete, then written out and dropped.
    public var rowGroupBytes: Int
    /// Target encoded size of a data page before compression.
    public var dataPageBytes: Int
    /// Most values (nulls included) in one data page.
    public var dataPageValues: Int
    /// A column chunk's dictionary may grow to this PLAIN size before the chunk falls back
    /// to PLAIN pages.
    public var dictionaryPageBytes: Int
    /// The footer's `created_by`: `application version X (build Y)` as readers parse it.
    public var createdBy: String

    /// Options with the given values; the defaults suit most tables (1 000 000 rows or 32 MiB
    /// per row group, 1 MiB pages, 1 MiB dictionaries, snappy).
    public init(
        compression: ParquetCompression = .snappy, rowGroupRows: Int = 1_000_000, rowGroupBytes: Int = 32 << 20,
        dataPageBytes: Int = 1 << 20, dataPageValues: Int = 20_000, dictionaryPageBytes: Int = 1 << 20,
        createdBy: String = "etl-builder version 0.1.0"
    ) {
        self.compression = compression
        self.rowGroupRows = rowGroupRows
        self.rowGroupBytes = rowGroupBytes
        self.dataPageBytes = dataPageBytes
        self.dataPageValues = dataPageValues
        self.dictionaryPageBytes = dictionaryPageBytes
        self.createdBy = createdBy
    }

    func validate() throws(ParquetWriterError) {
        for (name, value) in [
            ("row_group_rows", rowGroupRows), ("row_group_bytes", rowGroupBytes), ("data_page_bytes", dataPageBytes),
            ("data_page_values", dataPageValues), ("dictionary_page_bytes", dictionaryPageBytes),
        ] where value < 1 {
            throw .invalidOption(name: name, detail: "must be at least 1")
        }
        guard dataPageBytes < Int(Int32.max) / 2, dictionaryPageBytes < Int(Int32.max) / 2 else {
            throw .invalidOption(name: "data_page_bytes", detail: "pages must stay well under 2 GiB")
        }
    }

    var pageLimits: PageLimits {
        PageLimits(pageBytes: dataPageBytes, pageValues: dataPageValues, dictionaryBytes: dictionaryPageBytes)
    }
}
