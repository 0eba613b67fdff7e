import Pipelines

/// One column's finished part of a row group: its metadata (offsets already final) and its
/// bytes, the dictionary page (if any) first.
struct FinishedColumnChunk {
    var record: ColumnChunkRecord
    var buffers: [[UInt8]]
}

/// A column chunk writer whose physical kind is hidden, so a row group can hold one per column.
///
/// It is a set of closures rather than a protocol existential on purpose: the closures are
/// made where the kind is concrete, so the hot per-value loop runs specialised code, where a
/// protocol witness of a generic type would run the unspecialised generic implementation.
struct AnyColumnChunkWriter {
    /// Appends rows `rows` of `column`.
    let write: (Column, Range<Int>) throws(ParquetWriterError) -> Void
    /// Bytes held for the current row group (pages, dictionary, the open page).
    let bufferedBytes: () -> Int
    /// Closes the chunk as if it started at file offset `offset`, and starts a new one.
    let finish: (_ offset: Int64) throws(ParquetWriterError) -> FinishedColumnChunk

    init<Kind: PhysicalKind>(_ writer: ColumnChunkWriter<Kind>) {
        var writer = writer
        write = { (column, rows) throws(ParquetWriterError) in try writer.write(column, rows: rows) }
        bufferedBytes = { writer.bufferedBytes }
        finish = { (offset) throws(ParquetWriterError) in try writer.finish(at: offset) }
    }
}

/// Encodes one column of the current row group into compressed pages: dictionary-encoded
/// (RLE_DICTIONARY) while the dictionary stays small, PLAIN after it grows too big; definition
/// levels RLE/bit-packed; statistics kept on the way.
struct ColumnChunkWriter<Kind: PhysicalKind> {
    private let kind: Kind
    private let path: String
    private let limits: PageLimits
    private let compression: ParquetCompression
    private let compressor: any PageCompressor

    // The chunk.
    private var memo = Kind.Memo()
    private var dictionaryEnabled: Bool
    private var dictionaryPlainBytes = 0
    private var dictionaryPage: [UInt8] = []
    private var dataPages: [UInt8] = []
    private var uncompressedBytes: Int64 = 0
    private var encodings: Set<Encoding> = []
    private var valueCount: Int64 = 0
    private var statistics = StatisticsAccumulator<Kind>()

    // The open data page.
    private var pageValues: [Kind.Value] = []
    private var pageIndices: [UInt32] = []
    /// Definition levels, kept only once the page has a null (until then they are all 1).
    private var pageLevels: [UInt8] = []
    private var pageHasNull = false
    private var pageValueCount = 0
    private var pageBytes = 0

    private var body: [UInt8] = []
    private var compressed: [UInt8] = []

    init(kind: Kind, path: String, limits: PageLimits, compression: ParquetCompression, compressor: any PageCompressor) {
        self.kind = kind
        self.path = path
        self.limits = limits
        self.compression = compression
        self.compressor = compressor
        dictionaryEnabled = kind.usesDictionary
    }

    var bufferedBytes: Int { dataPages.count + dictionaryPage.count + dictionaryPlainBytes + pageBytes }

    mutating func write(_ column: Column, rows: Range<Int>) throws(ParquetWriterError) {
        let cells = kind.cells(of: column)
        let validity = column.validity
        for row in rows {
            if let validity, !validity[row] {
                appendNull()
            } else {
                append(cells[row])
            }
            if pageValueCount >= limits.pageValues || pageBytes >= limits.pageBytes { try flushPage() }
            if dictionaryPlainBytes > limits.dictionaryBytes { try fallBackToPlain() }
        }
    }

    @inline(__always)
    private mutating func append(_ value: Kind.Value) {
        if pageHasNull { pageLevels.append(1) }
        pageValueCount += 1
        if dictionaryEnabled {
            let (index, isNew) = memo.insert(value)
            if isNew {
                // A repeated value cannot move min or max: only new ones are looked at.
                statistics.observe(value, kind: kind)
                dictionaryPlainBytes += kind.plainSize(value)
            }
            pageIndices.append(index)
            pageBytes += 1
        } else {
            statistics.observe(value, kind: kind)
            pageValues.append(value)
            pageBytes += kind.plainSize(value)
        }
    }

    private mutating func appendNull() {
        if !pageHasNull {
            pageHasNull = true
            pageLevels.append(contentsOf: repeatElement(1, count: pageValueCount))
        }
        pageLevels.append(0)
        pageValueCount += 1
        statistics.nullCount += 1
    }

    /// The dictionary passed its limit: close the dictionary-encoded page, write the
    /// dictionary, and go on with PLAIN pages.
    private mutating func fallBackToPlain() throws(ParquetWriterError) {
        try flushPage()
        try writeDictionaryPage()
        dictionaryEnabled = false
        memo = Kind.Memo()
        dictionaryPlainBytes = 0
    }

    private mutating func flushPage() throws(ParquetWriterError) {
        guard pageValueCount > 0 else { return }
        body.removeAll(keepingCapacity: true)
        body.append(contentsOf: [0, 0, 0, 0])
        if pageHasNull {
            RLEHybridEncoder.encode(pageLevels, bitWidth: 1, into: &body)
        } else {
            RLEHybridEncoder.appendRun(1, count: pageValueCount, bitWidth: 1, into: &body)
        }
        let levelBytes = UInt32(body.count - 4)
        for byte in 0..<4 { body[byte] = UInt8(truncatingIfNeeded: levelBytes >> (8 * byte)) }
        let encoding: Encoding
        if dictionaryEnabled && !pageIndices.isEmpty {
            let bitWidth = RLEHybridEncoder.bitWidth(forMaximum: memo.count - 1)
            body.append(UInt8(bitWidth))
            RLEHybridEncoder.encode(pageIndices, bitWidth: bitWidth, into: &body)
            encoding = .rleDictionary
        } else {
            kind.appendPlain(pageValues, to: &body)
            encoding = .plain
        }
        try appendPage(.data(valueCount: Int32(pageValueCount), encoding: encoding))
        encodings.insert(encoding)
        encodings.insert(.rle)
        valueCount += Int64(pageValueCount)
        pageValues.removeAll(keepingCapacity: true)
        pageIndices.removeAll(keepingCapacity: true)
        pageLevels.removeAll(keepingCapacity: true)
        pageHasNull = false
        pageValueCount = 0
        pageBytes = 0
    }

    private mutating func writeDictionaryPage() throws(ParquetWriterError) {
        guard memo.count > 0 else { return }
        body.removeAll(keepingCapacity: true)
        memo.appendPlain(with: kind, to: &body)
        try appendPage(.dictionary(valueCount: Int32(memo.count)))
        encodings.insert(.plain)
    }

    /// Compresses `body` and appends header and page to the data pages, or makes them the
    /// dictionary page.
    private mutating func appendPage(_ kind: PageHeader.Kind) throws(ParquetWriterError) {
        if compression != .none { try compressor.compress(body, into: &compressed) }
        let payload = compression == .none ? body : compressed
        let header = PageHeader(kind: kind, uncompressedSize: Int32(body.count), compressedSize: Int32(payload.count)).encoded
        switch kind {
        case .data:
            dataPages.append(contentsOf: header)
            dataPages.append(contentsOf: payload)
        case .dictionary:
            dictionaryPage = header + payload
        }
        uncompressedBytes += Int64(header.count + body.count)
    }

    mutating func finish(at offset: Int64) throws(ParquetWriterError) -> FinishedColumnChunk {
        try flushPage()
        if dictionaryEnabled { try writeDictionaryPage() }
        let dictionarySize = Int64(dictionaryPage.count)
        let record = ColumnChunkRecord(
            physicalType: kind.physicalType, encodings: encodings.isEmpty ? [.plain, .rle] : encodings.sorted(), path: path,
            codec: compression, valueCount: valueCount, uncompressedSize: uncompressedBytes,
            compressedSize: dictionarySize + Int64(dataPages.count), dataPageOffset: offset + dictionarySize,
            dictionaryPageOffset: dictionaryPage.isEmpty ? nil : offset, statistics: statistics.record(kind: kind))
        let finished = FinishedColumnChunk(record: record, buffers: [dictionaryPage, dataPages].filter { !$0.isEmpty })
        memo = Kind.Memo()
        dictionaryEnabled = kind.usesDictionary
        dictionaryPlainBytes = 0
        dictionaryPage = []
        dataPages = []
        uncompressedBytes = 0
        encodings = []
        valueCount = 0
        statistics = StatisticsAccumulator()
        return finished
    }
}
