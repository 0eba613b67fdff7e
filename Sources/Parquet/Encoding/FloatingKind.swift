import Pipelines

/// float32 and float64 batch storage, handled by bit pattern so that a dictionary keeps
/// -0.0 apart from 0.0 and NaN payloads intact.
protocol StoredFloat: BinaryFloatingPoint & Sendable {
    associatedtype Bits: FixedWidthInteger & UnsignedInteger & Hashable & Sendable
    var bits: Bits { get }
    init(bits: Bits)
    static func values(in storage: Column.Storage) -> [Self]
}

extension Float: StoredFloat {
    var bits: UInt32 { bitPattern }
    init(bits: UInt32) { self.init(bitPattern: bits) }
    static func values(in storage: Column.Storage) -> [Float] {
        guard case .float32(let values) = storage else { preconditionFailure("column storage is not float32") }
        return values
    }
}

extension Double: StoredFloat {
    var bits: UInt64 { bitPattern }
    init(bits: UInt64) { self.init(bitPattern: bits) }
    static func values(in storage: Column.Storage) -> [Double] {
        guard case .float64(let values) = storage else { preconditionFailure("column storage is not float64") }
        return values
    }
}

/// FLOAT / DOUBLE columns. Statistics follow the format's rules for IEEE 754: NaN is left out,
/// a zero minimum is written as -0.0 and a zero maximum as +0.0.
struct FloatingKind<Float: StoredFloat>: PhysicalKind {
    typealias Memo = HashMemo<Float.Bits>

    var physicalType: PhysicalType { Float.Bits.bitWidth == 32 ? .float : .double }

    func cells(of column: Column) -> LazyMapCollection<[Float], Float.Bits> {
        Float.values(in: column.storage).lazy.map(\.bits)
    }

    func plainSize(_ value: Float.Bits) -> Int { Float.Bits.bitWidth / 8 }
    func appendPlain(_ values: [Float.Bits], to output: inout [UInt8]) { values.appendLittleEndian(to: &output) }
    func precedes(_ lhs: Float.Bits, _ rhs: Float.Bits) -> Bool { Float(bits: lhs) < Float(bits: rhs) }
    func isOrdered(_ value: Float.Bits) -> Bool { !Float(bits: value).isNaN }

    func statisticsBytes(_ value: Float.Bits, asMinimum: Bool) -> [UInt8] {
        let number = Float(bits: value)
        guard number == 0 else { return littleEndianBytes(value) }
        return littleEndianBytes((asMinimum ? -Float.zero : Float.zero).bits)
    }
}
