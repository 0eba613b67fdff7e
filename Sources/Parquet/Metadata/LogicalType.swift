/// The logical type annotation of a column (the `LogicalType` union of parquet.thrift).
enum LogicalType: Sendable, Hashable {
    case string
    case decimal(precision: Int32, scale: Int32)
    case date
    /// Always microseconds.
    case timestamp(adjustedToUTC: Bool)
    case integer(bitWidth: Int8, signed: Bool)
    case json
    case uuid

    /// Writes the union: one field, the chosen member's struct.
    func encode(into writer: inout CompactProtocolWriter) {
        switch self {
        case .string: writer.structField(1) { _ in }
        case .decimal(let precision, let scale):
            writer.structField(5) { decimal in
                decimal.i32(1, scale)
                decimal.i32(2, precision)
            }
        case .date: writer.structField(6) { _ in }
        case .timestamp(let adjustedToUTC):
            writer.structField(8) { timestamp in
                timestamp.bool(1, adjustedToUTC)
                timestamp.structField(2) { unit in unit.structField(2) { _ in } }
            }
        case .integer(let bitWidth, let signed):
            writer.structField(10) { integer in
                integer.i8(1, bitWidth)
                integer.bool(2, signed)
            }
        case .json: writer.structField(12) { _ in }
        case .uuid: writer.structField(14) { _ in }
        }
    }
}
