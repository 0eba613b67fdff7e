/// The RLE / bit-packed hybrid encoding of definition levels and dictionary indices:
/// runs of at least eight equal values become RLE runs, everything else bit-packed groups of
/// eight, LSB first. The last group is padded with zeros; readers stop at the page's value count.
enum RLEHybridEncoder {
    /// Appends the encoding of `values` (each < 2^bitWidth) to `output`.
    static func encode<Values: RandomAccessCollection>(_ values: Values, bitWidth: Int, into output: inout [UInt8])
    where Values.Element: FixedWidthInteger, Values.Index == Int {
        var index = values.startIndex
        let end = values.endIndex
        while index < end {
            let run = runLength(values, at: index, limit: end)
            if run >= 8 {
                appendRun(UInt64(values[index]), count: run, bitWidth: bitWidth, into: &output)
                index += run
                continue
            }
            // Literal groups of eight until a long run starts at a group boundary.
            let start = index
            repeat {
                index += 8
            } while index < end && runLength(values, at: index, limit: min(end, index + 8)) < 8
            let groups = (min(index, end) - start + 7) / 8
            varint(UInt64(groups) << 1 | 1, into: &output)
            var packer = BitPacker(bitWidth: bitWidth)
            for position in start..<start + groups * 8 {
                packer.append(position < end ? UInt64(values[position]) : 0, into: &output)
            }
            packer.flush(into: &output)
            index = min(index, end)
        }
    }

    /// Appends one RLE run of `count` copies of `value`.
    static func appendRun(_ value: UInt64, count: Int, bitWidth: Int, into output: inout [UInt8]) {
        varint(UInt64(count) << 1, into: &output)
        for byte in 0..<(bitWidth + 7) / 8 { output.append(UInt8(truncatingIfNeeded: value >> (8 * byte))) }
    }

    /// How many values equal to `values[index]` follow from `index`, up to `limit`.
    private static func runLength<Values: RandomAccessCollection>(_ values: Values, at index: Int, limit: Int) -> Int
    where Values.Element: FixedWidthInteger, Values.Index == Int {
        let first = values[index]
        var next = index + 1
        while next < limit, values[next] == first { next += 1 }
        return next - index
    }

    static func varint(_ value: UInt64, into output: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            output.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        output.append(UInt8(value))
    }

    /// Bits needed to store values up to `maximum` (at least 1).
    static func bitWidth(forMaximum maximum: Int) -> Int { max(1, Int.bitWidth - maximum.leadingZeroBitCount) }
}

/// Packs values of a fixed bit width LSB first into bytes (PLAIN booleans, bit-packed runs).
struct BitPacker {
    let bitWidth: Int
    private var accumulator: UInt64 = 0
    private var bits = 0

    init(bitWidth: Int) { self.bitWidth = bitWidth }

    mutating func append(_ value: UInt64, into output: inout [UInt8]) {
        accumulator |= value << bits
        bits += bitWidth
        if bits >= 32 {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: accumulator).littleEndian) { output.append(contentsOf: $0) }
            accumulator >>= 32
            bits -= 32
        }
    }

    /// Writes the remaining bits, padding the last byte with zeros.
    mutating func flush(into output: inout [UInt8]) {
        while bits > 0 {
            output.append(UInt8(truncatingIfNeeded: accumulator))
            accumulator >>= 8
            bits -= 8
        }
        bits = 0
        accumulator = 0
    }
}
