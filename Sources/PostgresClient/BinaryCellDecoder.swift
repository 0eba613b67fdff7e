import Foundation
import Pipelines

/// Appends binary-format cells of one ``WireType`` to a column builder. The binary format of a
/// cell is the same in `COPY … (FORMAT binary)` and in binary query results.
enum BinaryCellDecoder {
    /// Microseconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01.
    static let epochShiftMicroseconds: Int64 = 946_684_800_000_000
    /// Days from 1970-01-01 to 2000-01-01.
    static let epochShiftDays: Int32 = 10_957

    /// Appends `cell` (nil for SQL null) of a `type` column.
    @inline(__always)
    static func append(_ cell: UnsafeRawBufferPointer?, as type: WireType, to builder: inout ColumnBuilder) throws(PostgresError) {
        guard let cell else {
            builder.appendNull()
            return
        }
        switch type {
        case .bool:
            try expect(cell, 1, type)
            builder.appendBool(cell[0] != 0)
        case .int2:
            try expect(cell, 2, type)
            builder.appendInt16(cell.int16(at: 0))
        case .int4:
            try expect(cell, 4, type)
            builder.appendInt32(cell.int32(at: 0))
        case .int8:
            try expect(cell, 8, type)
            builder.appendInt64(cell.int64(at: 0))
        case .float4:
            try expect(cell, 4, type)
            builder.appendFloat32(Float(bitPattern: UInt32(bitPattern: cell.int32(at: 0))))
        case .float8:
            try expect(cell, 8, type)
            builder.appendFloat64(Double(bitPattern: UInt64(bitPattern: cell.int64(at: 0))))
        case .decimal(let precision, let scale):
            guard let units = try NumericCodec.units(cell, scale: scale) else {
                throw .invalidData("a numeric(\(precision),\(scale)) value is NaN, which a decimal cannot hold")
            }
            builder.appendDecimalUnits(units)
        case .numericText:
            try NumericCodec.text(cell).withUnsafeBytes { builder.appendBytes($0) }
        case .text, .bytea, .json:
            builder.appendBytes(cell)
        case .jsonb:
            // A version byte (1) precedes the JSON text.
            guard cell.count >= 1, cell[0] == 1 else { throw .invalidData("unknown jsonb binary version") }
            builder.appendBytes(UnsafeRawBufferPointer(rebasing: cell[1...]))
        case .date:
            try expect(cell, 4, type)
            let days = cell.int32(at: 0)
            // ±infinity stay the extreme values.
            builder.appendInt32(days == .max || days == .min ? days : days + epochShiftDays)
        case .timestamp, .timestamptz:
            try expect(cell, 8, type)
            let micros = cell.int64(at: 0)
            builder.appendInt64(micros == .max || micros == .min ? micros : micros + epochShiftMicroseconds)
        case .uuid:
            try expect(cell, 16, type)
            var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &bytes) { $0.copyMemory(from: cell) }
            builder.appendUUID(UUID(uuid: bytes))
        }
    }

    @inline(__always)
    private static func expect(_ cell: UnsafeRawBufferPointer, _ length: Int, _ type: WireType) throws(PostgresError) {
        guard cell.count == length else { throw .invalidData("a \(type) value has \(cell.count) bytes, expected \(length)") }
    }
}
