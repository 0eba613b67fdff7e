/// The enums of the Parquet format (parquet.thrift), with their wire values.

/// How values are stored: the physical type of a column.
enum PhysicalType: Int32, Sendable {
    case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLenByteArray = 7
}

/// The legacy annotation older readers understand (written next to the logical type).
enum ConvertedType: Int32, Sendable {
    case utf8 = 0, decimal = 5, date = 6, timestampMicros = 10, int16 = 16, int32 = 17, int64 = 18, json = 19
}

/// The encodings this writer uses.
enum Encoding: Int32, Sendable, Comparable {
    case plain = 0, rle = 3, rleDictionary = 8

    static func < (lhs: Encoding, rhs: Encoding) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The page kinds this writer emits.
enum PageType: Int32, Sendable {
    case dataPage = 0, dictionaryPage = 2
}

/// Every column is nullable: batches carry no not-null constraint.
enum FieldRepetition: Int32, Sendable {
    case required = 0, optional = 1
}
