import Foundation

/// One typed column of a ``RecordBatch``: a contiguous array of the type's representation
/// plus a validity mask (absent when the column has no null).
public struct Column: Sendable {
    /// The physical arrays behind the logical types. Dates share `int32`; timestamps share
    /// `int64`; strings, bytes and JSON share `variable`; decimals are `Int128` units.
    public enum Storage: Sendable {
        case bool([Bool])
        case int16([Int16])
        case int32([Int32])
        case int64([Int64])
        case float32([Float])
        case float64([Double])
        case decimal([Int128])
        case variable(VariableBytes)
        case uuid([UUID])
    }

    public let type: DataType
    public let storage: Storage
    /// `validity[i]` is false when cell `i` is null; nil when no cell is null.
    public let validity: [Bool]?
    public let count: Int

    public init(type: DataType, storage: Storage, validity: [Bool]?, count: Int) {
        self.type = type
        self.storage = storage
        self.validity = validity
        self.count = count
    }

    @inline(__always) public func isNull(_ row: Int) -> Bool { validity.map { !$0[row] } ?? false }

    /// The cell at `row`.
    public subscript(row: Int) -> Value {
        if isNull(row) { return .null }
        switch storage {
        case .bool(let values): return .bool(values[row])
        case .int16(let values): return .int(Int64(values[row]))
        case .int32(let values): return type == .date ? .date(values[row]) : .int(Int64(values[row]))
        case .int64(let values):
            switch type {
            case .timestamp: return .timestamp(values[row])
            case .timestamptz: return .timestamptz(values[row])
            default: return .int(values[row])
            }
        case .float32(let values): return .float(Double(values[row]))
        case .float64(let values): return .float(values[row])
        case .decimal(let values):
            guard case .decimal(_, let scale) = type else { return .null }
            return .decimal(DecimalValue(units: values[row], scale: scale))
        case .variable(let cells):
            switch type {
            case .bytes: return .bytes(Array(cells[row]))
            case .json: return .json(cells.string(at: row))
            default: return .string(cells.string(at: row))
            }
        case .uuid(let values): return .uuid(values[row])
        }
    }

    /// The cells at `indices`, in that order.
    public func gathering(_ indices: some Collection<Int>) -> Column {
        func pick<Element>(_ values: [Element]) -> [Element] { indices.map { values[$0] } }
        let storage: Storage =
            switch self.storage {
            case .bool(let values): .bool(pick(values))
            case .int16(let values): .int16(pick(values))
            case .int32(let values): .int32(pick(values))
            case .int64(let values): .int64(pick(values))
            case .float32(let values): .float32(pick(values))
            case .float64(let values): .float64(pick(values))
            case .decimal(let values): .decimal(pick(values))
            case .variable(let cells): .variable(cells.gathering(indices))
            case .uuid(let values): .uuid(pick(values))
            }
        let mask = validity.map(pick)
        return Column(type: type, storage: storage, validity: mask?.contains(false) == true ? mask : nil, count: indices.count)
    }

    /// A column of `count` nulls.
    public static func nulls(_ type: DataType, count: Int) -> Column {
        var builder = ColumnBuilder(type: type, capacity: count)
        for _ in 0..<count { builder.appendNull() }
        return builder.finish()
    }

    /// The columns one after the other (all of the same type).
    public static func concatenating(_ columns: [Column], type: DataType) -> Column {
        var builder = ColumnBuilder(type: type, capacity: columns.reduce(0) { $0 + $1.count })
        for column in columns { builder.append(contentsOf: column) }
        return builder.finish()
    }

    /// Approximate bytes held, for memory accounting.
    public var byteSize: Int {
        let cells: Int =
            switch storage {
            case .bool(let values): values.count
            case .int16(let values): values.count * 2
            case .int32(let values): values.count * 4
            case .int64(let values): values.count * 8
            case .float32(let values): values.count * 4
            case .float64(let values): values.count * 8
            case .decimal(let values): values.count * 16
            case .variable(let cells): cells.byteSize
            case .uuid(let values): values.count * 16
            }
        return cells + (validity?.count ?? 0)
    }
}
