import Foundation
import Pipelines

/// A column of a table that `COPY … FROM STDIN (FORMAT binary)` writes.
public struct TargetColumn: Sendable, Hashable {
    public var name: String
    public var type: WireType

    public init(name: String, type: WireType) {
        self.name = name
        self.type = type
    }
}

/// One batch in the binary COPY format, ready for `COPY … FROM STDIN`.
public struct EncodedBatch: Sendable {
    /// Header, rows and trailer.
    public var bytes: [UInt8]
    /// For each encoded row (COPY line − 1), its row in the batch.
    public var rows: [Int]
    /// Rows left out because a cell could not take its column's type.
    public var failures: [(row: Int, reason: String)]
}

/// Encodes record batches for a table's columns in the binary COPY format. A batch column whose
/// type differs from the table column's is converted cell by cell first; the cells that do not
/// convert are reported, not sent.
public struct BinaryCopyEncoder: Sendable {
    public let columns: [TargetColumn]

    static let signature: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00]

    public init(columns: [TargetColumn]) { self.columns = columns }

    /// Encodes `batch`, whose columns are found by name.
    public func encode(_ batch: RecordBatch) throws(PostgresError) -> EncodedBatch {
        var failed = [String?](repeating: nil, count: batch.rowCount)
        var writers: [CellWriter] = []
        for target in columns {
            guard let source = batch.column(named: target.name) else {
                throw .invalidData("the input has no column \"\(target.name)\"")
            }
            writers.append(Self.writer(for: conformed(source, to: target, failed: &failed), as: target.type))
        }
        var bytes = Self.signature
        bytes.appendInt32(0)  // flags
        bytes.appendInt32(0)  // header extension length
        bytes.reserveCapacity(batch.byteSize + batch.rowCount * (2 + 4 * columns.count) + 32)
        var rows: [Int] = []
        rows.reserveCapacity(batch.rowCount)
        var failures: [(row: Int, reason: String)] = []
        for row in 0..<batch.rowCount {
            if let reason = failed[row] {
                failures.append((row, reason))
                continue
            }
            let mark = bytes.count
            bytes.appendInt16(Int16(columns.count))
            do throws(CellFailure) {
                for writer in writers { try writer(row, &bytes) }
                rows.append(row)
            } catch {
                bytes.removeSubrange(mark...)
                failures.append((row, error.reason))
            }
        }
        bytes.appendInt16(-1)
        return EncodedBatch(bytes: bytes, rows: rows, failures: failures)
    }

    /// `column` in the batch type of `target`, converting cell by cell when the types differ and
    /// noting the rows whose cell does not convert.
    private func conformed(_ column: Column, to target: TargetColumn, failed: inout [String?]) -> Column {
        // An unconstrained numeric takes decimals as they are and everything else as text.
        let wanted: DataType =
            switch (target.type, column.type) {
            case (.numericText, .decimal): column.type
            default: target.type.dataType
            }
        guard column.type != wanted else { return column }
        var builder = ColumnBuilder(type: wanted, capacity: column.count)
        for row in 0..<column.count {
            do {
                try builder.append(column[row])
            } catch {
                builder.appendNull()
                if failed[row] == nil { failed[row] = "\(target.name): \(error)" }
            }
        }
        return builder.finish()
    }

    private struct CellFailure: Error {
        var reason: String
    }

    private typealias CellWriter = (_ row: Int, _ output: inout [UInt8]) throws(CellFailure) -> Void

    /// Writes cell `row` — length, then bytes — of a column already in the target's batch type.
    private static func writer(for column: Column, as type: WireType) -> CellWriter {
        let body = valueWriter(for: column, as: type)
        guard let validity = column.validity else { return body }
        return { row, output throws(CellFailure) in
            if validity[row] { try body(row, &output) } else { output.appendInt32(-1) }
        }
    }

    private static func valueWriter(for column: Column, as type: WireType) -> CellWriter {
        switch (column.storage, type) {
        case (.bool(let values), _):
            return { row, output in
                output.appendInt32(1)
                output.append(values[row] ? 1 : 0)
            }
        case (.int16(let values), _):
            return { row, output in
                output.appendInt32(2)
                output.appendInt16(values[row])
            }
        case (.int32(let values), .date):
            return { row, output in
                let days = values[row]
                output.appendInt32(4)
                output.appendInt32(days == .max || days == .min ? days : days - BinaryCellDecoder.epochShiftDays)
            }
        case (.int32(let values), _):
            return { row, output in
                output.appendInt32(4)
                output.appendInt32(values[row])
            }
        case (.int64(let values), .timestamp), (.int64(let values), .timestamptz):
            return { row, output in
                let micros = values[row]
                output.appendInt32(8)
                output.appendInt64(micros == .max || micros == .min ? micros : micros - BinaryCellDecoder.epochShiftMicroseconds)
            }
        case (.int64(let values), _):
            return { row, output in
                output.appendInt32(8)
                output.appendInt64(values[row])
            }
        case (.float32(let values), _):
            return { row, output in
                output.appendInt32(4)
                output.appendInt32(Int32(bitPattern: values[row].bitPattern))
            }
        case (.float64(let values), _):
            return { row, output in
                output.appendInt32(8)
                output.appendInt64(Int64(bitPattern: values[row].bitPattern))
            }
        case (.decimal(let values), _):
            guard case .decimal(_, let scale) = column.type else { preconditionFailure("decimal storage without a decimal type") }
            return { row, output in
                lengthPrefixed(&output) { NumericCodec.append(units: values[row], scale: scale, to: &$0) }
            }
        case (.variable(let cells), .numericText):
            return { row, output throws(CellFailure) in
                let mark = output.count
                output.appendInt32(0)
                let ok = cells.withCell(row) { NumericCodec.append(text: $0, to: &output) }
                guard ok else {
                    output.removeSubrange(mark...)
                    throw CellFailure(reason: "\"\(cells.string(at: row))\" is not a valid numeric")
                }
                output.setInt32(Int32(output.count - mark - 4), at: mark)
            }
        case (.variable(let cells), .jsonb):
            return { row, output in
                cells.withCell(row) { cell in
                    output.appendInt32(Int32(cell.count + 1))
                    output.append(1)
                    output.append(contentsOf: cell)
                }
            }
        case (.variable(let cells), _):
            return { row, output in
                cells.withCell(row) { cell in
                    output.appendInt32(Int32(cell.count))
                    output.append(contentsOf: cell)
                }
            }
        case (.uuid(let values), _):
            return { row, output in
                output.appendInt32(16)
                withUnsafeBytes(of: values[row].uuid) { output.append(contentsOf: $0) }
            }
        }
    }

    /// Appends a length placeholder, the bytes `body` writes, then fills the length in.
    @inline(__always)
    private static func lengthPrefixed(_ output: inout [UInt8], _ body: (inout [UInt8]) -> Void) {
        let mark = output.count
        output.appendInt32(0)
        body(&output)
        output.setInt32(Int32(output.count - mark - 4), at: mark)
    }
}
