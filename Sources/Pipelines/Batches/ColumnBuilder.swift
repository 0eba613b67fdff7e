import Foundation

/// Builds a ``Column`` cell by cell. Typed appends (`appendInt64`, `appendBytes`…) are the fast
/// path of readers; ``append(_:)`` converts any ``Value`` to the column's type.
public struct ColumnBuilder: Sendable {
    public let type: DataType
    private var bools: [Bool] = []
    private var int16s: [Int16] = []
    private var int32s: [Int32] = []
    private var int64s: [Int64] = []
    private var float32s: [Float] = []
    private var float64s: [Double] = []
    private var decimals: [Int128] = []
    private var variable = VariableBytes()
    private var uuids: [UUID] = []
    private var validity: [Bool] = []
    private var nullCount = 0
    public private(set) var count = 0

    public init(type: DataType, capacity: Int = 0) {
        self.type = type
        validity.reserveCapacity(capacity)
        switch type {
        case .bool: bools.reserveCapacity(capacity)
        case .int16: int16s.reserveCapacity(capacity)
        case .int32, .date: int32s.reserveCapacity(capacity)
        case .int64, .timestamp, .timestamptz: int64s.reserveCapacity(capacity)
        case .float32: float32s.reserveCapacity(capacity)
        case .float64: float64s.reserveCapacity(capacity)
        case .decimal: decimals.reserveCapacity(capacity)
        case .string, .bytes, .json: variable = VariableBytes(capacity: capacity, byteCapacity: capacity * 16)
        case .uuid: uuids.reserveCapacity(capacity)
        }
    }

    public mutating func appendNull() {
        switch type {
        case .bool: bools.append(false)
        case .int16: int16s.append(0)
        case .int32, .date: int32s.append(0)
        case .int64, .timestamp, .timestamptz: int64s.append(0)
        case .float32: float32s.append(0)
        case .float64: float64s.append(0)
        case .decimal: decimals.append(0)
        case .string, .bytes, .json: variable.appendEmpty()
        case .uuid: uuids.append(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        }
        validity.append(false)
        nullCount += 1
        count += 1
    }

    @inline(__always) private mutating func appended() {
        validity.append(true)
        count += 1
    }

    public mutating func appendBool(_ value: Bool) { bools.append(value); appended() }
    public mutating func appendInt16(_ value: Int16) { int16s.append(value); appended() }
    /// An `int32` cell, or a `date` as days since the epoch.
    public mutating func appendInt32(_ value: Int32) { int32s.append(value); appended() }
    /// An `int64` cell, or a timestamp in microseconds.
    public mutating func appendInt64(_ value: Int64) { int64s.append(value); appended() }
    public mutating func appendFloat32(_ value: Float) { float32s.append(value); appended() }
    public mutating func appendFloat64(_ value: Double) { float64s.append(value); appended() }
    /// A decimal cell as units at the column's scale.
    public mutating func appendDecimalUnits(_ units: Int128) { decimals.append(units); appended() }
    public mutating func appendUUID(_ value: UUID) { uuids.append(value); appended() }
    /// A string, bytes or JSON cell from raw bytes.
    public mutating func appendBytes(_ bytes: UnsafeRawBufferPointer) { variable.append(bytes); appended() }
    public mutating func appendString(_ string: String) { variable.append(string); appended() }

    /// Appends `value` converted to the column type.
    public mutating func append(_ value: Value) throws(ValueConversionError) {
        let converted = try value.converted(to: type)
        switch converted {
        case .null: appendNull()
        case .bool(let value): appendBool(value)
        case .int(let value):
            switch type {
            case .int16: appendInt16(Int16(value))
            case .int32: appendInt32(Int32(value))
            default: appendInt64(value)
            }
        case .float(let value): type == .float32 ? appendFloat32(Float(value)) : appendFloat64(value)
        case .decimal(let value): appendDecimalUnits(value.units)
        case .string(let value), .json(let value): appendString(value)
        case .bytes(let value): value.withUnsafeBytes { appendBytes($0) }
        case .date(let value): appendInt32(value)
        case .timestamp(let value), .timestamptz(let value): appendInt64(value)
        case .uuid(let value): appendUUID(value)
        }
    }

    /// Removes the last cell (a reader undoing a row it turned out to reject).
    public mutating func removeLast() {
        guard count > 0 else { return }
        switch type {
        case .bool: bools.removeLast()
        case .int16: int16s.removeLast()
        case .int32, .date: int32s.removeLast()
        case .int64, .timestamp, .timestamptz: int64s.removeLast()
        case .float32: float32s.removeLast()
        case .float64: float64s.removeLast()
        case .decimal: decimals.removeLast()
        case .string, .bytes, .json: variable.removeLast()
        case .uuid: uuids.removeLast()
        }
        if !validity.removeLast() { nullCount -= 1 }
        count -= 1
    }

    /// Appends every cell of a column of the same type.
    public mutating func append(contentsOf column: Column) {
        switch column.storage {
        case .bool(let values): bools.append(contentsOf: values)
        case .int16(let values): int16s.append(contentsOf: values)
        case .int32(let values): int32s.append(contentsOf: values)
        case .int64(let values): int64s.append(contentsOf: values)
        case .float32(let values): float32s.append(contentsOf: values)
        case .float64(let values): float64s.append(contentsOf: values)
        case .decimal(let values): decimals.append(contentsOf: values)
        case .variable(let cells): variable.append(contentsOf: cells)
        case .uuid(let values): uuids.append(contentsOf: values)
        }
        if let mask = column.validity {
            validity.append(contentsOf: mask)
            nullCount += mask.lazy.filter { !$0 }.count
        } else {
            validity.append(contentsOf: repeatElement(true, count: column.count))
        }
        count += column.count
    }

    /// The finished column; the builder starts over empty.
    public mutating func finish() -> Column {
        let storage: Column.Storage =
            switch type {
            case .bool: .bool(bools)
            case .int16: .int16(int16s)
            case .int32, .date: .int32(int32s)
            case .int64, .timestamp, .timestamptz: .int64(int64s)
            case .float32: .float32(float32s)
            case .float64: .float64(float64s)
            case .decimal: .decimal(decimals)
            case .string, .bytes, .json: .variable(variable)
            case .uuid: .uuid(uuids)
            }
        let column = Column(type: type, storage: storage, validity: nullCount > 0 ? validity : nil, count: count)
        self = ColumnBuilder(type: type, capacity: count)
        return column
    }
}
