import Pipelines

/// Writes cells as text into an output byte buffer, with a writer specialised once per column
/// and batch (the typed array is unpacked once, not per cell): integers and dates digit by
/// digit, doubles with few decimals without `description`, strings as their bytes through
/// `string` (which quotes or escapes). Shared by the CSV and JSONL writers.
enum CellFormatter {
    /// Appends the text of a non-null cell `row`.
    typealias CellWriter = (_ row: Int, _ output: inout [UInt8]) -> Void

    static func writer(for column: Column, string: @escaping (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void) -> CellWriter {
        switch column.storage {
        case .int64(let values) where column.type == .int64: return { appendInteger(values[$0], to: &$1) }
        case .int32(let values) where column.type == .int32: return { appendInteger(Int64(values[$0]), to: &$1) }
        case .int16(let values): return { appendInteger(Int64(values[$0]), to: &$1) }
        case .int32(let values) where column.type == .date: return { CivilTime.appendDate(values[$0], to: &$1) }
        case .int64(let values):
            let zoned = column.type == .timestamptz
            return { CivilTime.appendTimestamp(values[$0], zoned: zoned, to: &$1) }
        case .float64(let values): return { appendDouble(values[$0], to: &$1) }
        case .variable(let cells) where column.type != .bytes:
            return { row, output in cells.withCell(row) { string($0, &output) } }
        default:
            return { row, output in
                var text = column[row].text ?? ""
                text.withUTF8 { string($0, &output) }
            }
        }
    }

    private static let scales: [Double] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]

    /// A double with at most six decimals that round-trip is written from its scaled integer;
    /// anything else uses Swift's shortest representation.
    static func appendDouble(_ value: Double, to output: inout [UInt8]) {
        if value.isFinite, abs(value) < 1e9 {
            for (digits, scale) in scales.enumerated() {
                let scaled = (value * scale).rounded()
                guard scaled / scale == value else { continue }
                let units = Int64(scaled)
                if digits == 0 {
                    appendInteger(units, to: &output)
                    return
                }
                if units < 0 { output.append(UInt8(ascii: "-")) }
                let magnitude = units.magnitude
                let divisor = UInt64(scale)
                appendInteger(Int64(magnitude / divisor), to: &output)
                output.append(UInt8(ascii: "."))
                var remainder = magnitude % divisor
                var place = divisor / 10
                while place > 0 {
                    output.append(UInt8(remainder / place) + 48)
                    remainder %= place
                    place /= 10
                }
                return
            }
        }
        output.append(contentsOf: value.description.utf8)
    }

    static func appendInteger(_ value: Int64, to output: inout [UInt8]) {
        if value < 0 {
            output.append(UInt8(ascii: "-"))
            if value == .min {
                output.append(contentsOf: "9223372036854775808".utf8)
                return
            }
        }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch
        withUnsafeMutableBytes(of: &digits) { buffer in
            var count = 0
            repeat {
                buffer[23 - count] = UInt8(magnitude % 10) + 48
                magnitude /= 10
                count += 1
            } while magnitude > 0
            output.append(contentsOf: buffer[(24 - count)...])
        }
    }
}
