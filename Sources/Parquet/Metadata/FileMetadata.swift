/// Min, max and null count of a column chunk; min and max are PLAIN bytes under the column's
/// sort order (`min_value`/`max_value`, not the deprecated signed-only `min`/`max`).
struct ColumnStatisticsRecord: Sendable {
    var nullCount: Int64
    var minimum: [UInt8]?
    var maximum: [UInt8]?

    func encode(into writer: inout CompactProtocolWriter) {
        writer.i64(3, nullCount)
        if let maximum { writer.binary(5, maximum) }
        if let minimum { writer.binary(6, minimum) }
    }
}

/// `ColumnMetaData` plus where the chunk starts: one column's part of a row group.
struct ColumnChunkRecord: Sendable {
    var physicalType: PhysicalType
    var encodings: [Encoding]
    var path: String
    var codec: ParquetCompression
    var valueCount: Int64
    var uncompressedSize: Int64
    var compressedSize: Int64
    var dataPageOffset: Int64
    var dictionaryPageOffset: Int64?
    var statistics: ColumnStatisticsRecord

    /// Where the chunk's first page starts.
    var fileOffset: Int64 { dictionaryPageOffset ?? dataPageOffset }

    func encode(into writer: inout CompactProtocolWriter) {
        writer.i64(2, fileOffset)
        writer.structField(3) { meta in
            meta.i32(1, physicalType.rawValue)
            meta.i32List(2, encodings.map(\.rawValue))
            meta.stringList(3, [path])
            meta.i32(4, codec.thriftValue)
            meta.i64(5, valueCount)
            meta.i64(6, uncompressedSize)
            meta.i64(7, compressedSize)
            meta.i64(9, dataPageOffset)
            if let dictionaryPageOffset { meta.i64(11, dictionaryPageOffset) }
            meta.structField(12) { statistics.encode(into: &$0) }
        }
    }
}

/// A row group: its column chunks in schema order.
struct RowGroupRecord: Sendable {
    var columns: [ColumnChunkRecord]
    var rowCount: Int64
    var ordinal: Int16

    func encode(into writer: inout CompactProtocolWriter) {
        writer.structList(1, columns) { writer, column in column.encode(into: &writer) }
        writer.i64(2, columns.reduce(0) { $0 + $1.uncompressedSize })
        writer.i64(3, rowCount)
        if let first = columns.first { writer.i64(5, first.fileOffset) }
        writer.i64(6, columns.reduce(0) { $0 + $1.compressedSize })
        writer.i16(7, ordinal)
    }
}

/// The footer: schema, row groups, the writer's name, and a type-defined sort order per column
/// so readers trust `min_value`/`max_value`.
struct FileMetadataRecord: Sendable {
    var schema: [SchemaElement]
    var rowCount: Int64
    var rowGroups: [RowGroupRecord]
    var createdBy: String

    var encoded: [UInt8] {
        var writer = CompactProtocolWriter()
        writer.beginStruct()
        writer.i32(1, 1)
        writer.structList(2, schema) { writer, element in element.encode(into: &writer) }
        writer.i64(3, rowCount)
        writer.structList(4, rowGroups) { writer, group in group.encode(into: &writer) }
        writer.string(6, createdBy)
        let leafCount = max(0, schema.count - 1)
        writer.structList(7, Array(repeating: (), count: leafCount)) { writer, _ in
            writer.structField(1) { _ in }
        }
        writer.endStruct()
        return writer.bytes
    }
}
