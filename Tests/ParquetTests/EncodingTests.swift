@testable import Parquet
import Testing

/// The byte-level encoders against hand-worked examples from the format's specifications.
@Suite("Parquet encodings")
struct EncodingTests {
    @Test func thriftCompactFieldHeadersUseDeltasAndZigzagVarints() {
        var writer = CompactProtocolWriter()
        writer.beginStruct()
        writer.i32(1, 3)        // delta 1, type i32: 0x15, zigzag(3) = 6
        writer.i64(3, -1)       // delta 2, type i64: 0x26, zigzag(-1) = 1
        writer.string(4, "ab")  // delta 1, binary: 0x18, length 2
        writer.bool(20, true)   // delta 16 > 15: long form 0x01, zigzag(20) = 40
        writer.i32List(21, [1, 2])  // delta 1, list: 0x19, header 0x25, elements 2, 4
        writer.endStruct()
        #expect(writer.bytes == [0x15, 0x06, 0x26, 0x01, 0x18, 0x02, 0x61, 0x62, 0x01, 0x28, 0x19, 0x25, 0x02, 0x04, 0x00])
    }

    @Test func varintsSpanBytesLeastSignificantFirst() {
        var writer = CompactProtocolWriter()
        writer.varint(300)
        #expect(writer.bytes == [0xAC, 0x02])
    }

    @Test func longRunsBecomeRLEAndTheRestBitPackedGroups() {
        var output: [UInt8] = []
        let values: [UInt8] = Array(repeating: 1, count: 10) + [0, 1, 0]
        RLEHybridEncoder.encode(values, bitWidth: 1, into: &output)
        // RLE run: header 10 << 1 = 20, value 1; then one bit-packed group: header (1 << 1) | 1 = 3,
        // bits 0,1,0 then padding: 0b010 = 2.
        #expect(output == [20, 1, 3, 2])
    }

    @Test func bitPackingIsLeastSignificantBitFirst() {
        var output: [UInt8] = []
        // The specification's example: 0…7 at bit width 3.
        RLEHybridEncoder.encode([0, 1, 2, 3, 4, 5, 6, 7] as [UInt32], bitWidth: 3, into: &output)
        #expect(output == [3, 0b1000_1000, 0b1100_0110, 0b1111_1010])
    }

    @Test func decimalByteWidthsFollowPrecision() {
        #expect(DecimalBytesKind(precision: 19).byteWidth == 9)
        #expect(DecimalBytesKind(precision: 20).byteWidth == 9)
        #expect(DecimalBytesKind(precision: 21).byteWidth == 9)  // 2^71 > 10^21
        #expect(DecimalBytesKind(precision: 22).byteWidth == 10)
        #expect(DecimalBytesKind(precision: 38).byteWidth == 16)
    }
}
