import Foundation

/// Why a value could not take a column's type: a bad cell, handled by the node's `on_error`.
public struct ValueConversionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var value: String
    public var type: DataType

    public init(value: String, type: DataType) {
        self.value = value
        self.type = type
    }

    public var description: String { "\"\(value)\" is not a valid \(type)" }
}

extension Value {
    /// The value represented in `type`: text is parsed, numbers are widened or checked for
    /// range, dates become timestamps at midnight. Null stays null.
    public func converted(to type: DataType) throws(ValueConversionError) -> Value {
        if case .null = self { return .null }
        let failure = ValueConversionError(value: text ?? "", type: type)
        switch type {
        case .bool:
            switch self {
            case .bool: return self
            case .int(let value) where value == 0 || value == 1: return .bool(value == 1)
            case .string(let text):
                switch text.lowercased() {
                case "true", "t", "yes", "y", "1": return .bool(true)
                case "false", "f", "no", "n", "0": return .bool(false)
                default: throw failure
                }
            default: throw failure
            }
        case .int16, .int32, .int64:
            let integer: Int64
            switch self {
            case .int(let value): integer = value
            case .float(let value) where value == value.rounded() && abs(value) < 9.2e18: integer = Int64(value)
            case .decimal(let value):
                guard let whole = value.rescaled(to: 0), let narrowed = Int64(exactly: whole.units),
                    whole == value
                else { throw failure }
                integer = narrowed
            case .bool(let value): integer = value ? 1 : 0
            case .string(let text):
                guard let parsed = Int64(text.trimmingCharacters(in: .whitespaces)) else { throw failure }
                integer = parsed
            default: throw failure
            }
            let range: ClosedRange<Int64> =
                type == .int16 ? Int64(Int16.min)...Int64(Int16.max)
                : type == .int32 ? Int64(Int32.min)...Int64(Int32.max) : Int64.min...Int64.max
            guard range.contains(integer) else { throw failure }
            return .int(integer)
        case .float32, .float64:
            if let number = doubleValue { return .float(number) }
            if case .string(let text) = self, let parsed = Double(text.trimmingCharacters(in: .whitespaces)) {
                return .float(parsed)
            }
            throw failure
        case .decimal(let precision, let scale):
            let decimal: DecimalValue?
            switch self {
            case .int(let value): decimal = DecimalValue(units: Int128(value), scale: 0)
            case .float(let value): decimal = DecimalValue(value, scale: scale)
            case .decimal(let value): decimal = value
            case .string(let text): decimal = DecimalValue(utf8: Array(text.trimmingCharacters(in: .whitespaces).utf8))
            default: decimal = nil
            }
            guard let rescaled = decimal?.rescaled(to: scale), rescaled.fits(precision: precision) else { throw failure }
            return .decimal(rescaled)
        case .string:
            if case .string = self { return self }
            return .string(text ?? "")
        case .json:
            switch self {
            case .json: return self
            case .string(let text):
                guard (try? JSONValue(parsing: text)) != nil else { throw failure }
                return .json(text)
            default: return .json(jsonValue.canonicalText)
            }
        case .bytes:
            switch self {
            case .bytes: return self
            case .string(let text): return .bytes(Array(text.utf8))
            default: throw failure
            }
        case .date:
            switch self {
            case .date: return self
            case .timestamp(let micros), .timestamptz(let micros):
                return .date(Int32(CivilTime.floorDivide(micros, CivilTime.microsecondsPerDay).0))
            case .string(let text):
                let bytes = Array(text.utf8)
                if let days = bytes.withUnsafeBufferPointer(CivilTime.parseDate) { return .date(days) }
                if let stamp = bytes.withUnsafeBufferPointer(CivilTime.parseTimestamp) {
                    return .date(Int32(CivilTime.floorDivide(stamp.micros, CivilTime.microsecondsPerDay).0))
                }
                throw failure
            default: throw failure
            }
        case .timestamp, .timestamptz:
            let micros: Int64
            switch self {
            case .timestamp(let value), .timestamptz(let value): micros = value
            case .date(let days): micros = Int64(days) * CivilTime.microsecondsPerDay
            case .string(let text):
                let bytes = Array(text.utf8)
                if let stamp = bytes.withUnsafeBufferPointer(CivilTime.parseTimestamp) {
                    micros = stamp.micros
                } else if let days = bytes.withUnsafeBufferPointer(CivilTime.parseDate) {
                    micros = Int64(days) * CivilTime.microsecondsPerDay
                } else {
                    throw failure
                }
            default: throw failure
            }
            return type == .timestamp ? .timestamp(micros) : .timestamptz(micros)
        case .uuid:
            switch self {
            case .uuid: return self
            case .string(let text):
                guard let uuid = UUID(uuidString: text) else { throw failure }
                return .uuid(uuid)
            default: throw failure
            }
        }
    }
}
