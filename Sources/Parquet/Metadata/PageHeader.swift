/// The header in front of every page (`PageHeader` with its data or dictionary page header).
struct PageHeader: Sendable {
    enum Kind: Sendable {
        /// A v1 data page: `valueCount` includes nulls; levels are RLE.
        case data(valueCount: Int32, encoding: Encoding)
        /// The column chunk's dictionary, PLAIN-encoded.
        case dictionary(valueCount: Int32)
    }

    var kind: Kind
    var uncompressedSize: Int32
    var compressedSize: Int32

    /// The header's compact-protocol bytes.
    var encoded: [UInt8] {
        var writer = CompactProtocolWriter()
        writer.beginStruct()
        switch kind {
        case .data(let valueCount, let encoding):
            writer.i32(1, PageType.dataPage.rawValue)
            writer.i32(2, uncompressedSize)
            writer.i32(3, compressedSize)
            writer.structField(5) { data in
                data.i32(1, valueCount)
                data.i32(2, encoding.rawValue)
                data.i32(3, Encoding.rle.rawValue)
                data.i32(4, Encoding.rle.rawValue)
            }
        case .dictionary(let valueCount):
            writer.i32(1, PageType.dictionaryPage.rawValue)
            writer.i32(2, uncompressedSize)
            writer.i32(3, compressedSize)
            writer.structField(7) { dictionary in
                dictionary.i32(1, valueCount)
                dictionary.i32(2, Encoding.plain.rawValue)
            }
        }
        writer.endStruct()
        return writer.bytes
    }
}
