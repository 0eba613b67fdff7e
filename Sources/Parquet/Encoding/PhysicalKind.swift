import Pipelines

#if _endian(big)
#error("PLAIN encoding copies fixed-width values as they lie in memory: little-endian hosts only")
#endif

/// How the cells of one batch column become Parquet values of one physical type: how they are
/// read out of a ``Column``, PLAIN-encoded, ordered for statistics and remembered in a
/// dictionary. The column chunk writer is generic over it, so each physical type has one
/// specialised writer and no per-type copy of the page logic.
protocol PhysicalKind: Sendable {
    /// One non-null value as the writer handles it.
    associatedtype Value
    /// The column's values, indexed by row (null rows hold a placeholder).
    associatedtype Cells: RandomAccessCollection where Cells.Element == Value, Cells.Index == Int
    /// The dictionary of distinct values for RLE_DICTIONARY pages.
    associatedtype Memo: DictionaryMemo where Memo.Value == Value

    var physicalType: PhysicalType { get }
    /// False for booleans, which gain nothing from a dictionary.
    var usesDictionary: Bool { get }

    func cells(of column: Column) -> Cells
    /// Bytes of the value once PLAIN-encoded (page and dictionary sizing).
    func plainSize(_ value: Value) -> Int
    /// Appends the PLAIN encoding of `values`.
    func appendPlain(_ values: [Value], to output: inout [UInt8])
    /// The column's sort order (parquet.thrift `ColumnOrder`): signed for integers and
    /// decimals, unsigned bytewise for strings, binary and UUIDs.
    func precedes(_ lhs: Value, _ rhs: Value) -> Bool
    /// False for values that take no part in statistics (NaN).
    func isOrdered(_ value: Value) -> Bool
    /// The `min_value` / `max_value` bytes of a value (PLAIN without length prefix).
    func statisticsBytes(_ value: Value, asMinimum: Bool) -> [UInt8]
}

extension PhysicalKind {
    var usesDictionary: Bool { true }
    func isOrdered(_ value: Value) -> Bool { true }
}

/// Arrays of fixed-width integers PLAIN-encode as their little-endian memory.
extension Array where Element: FixedWidthInteger {
    func appendLittleEndian(to output: inout [UInt8]) { withUnsafeBytes { output.append(contentsOf: $0) } }
}

/// The little-endian bytes of one integer.
func littleEndianBytes<Integer: FixedWidthInteger>(_ value: Integer) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}
