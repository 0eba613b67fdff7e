import Foundation
import Pipelines

/// Turns the text of one cell into a typed value appended to a ``ColumnBuilder``: the hot path
/// of the file readers, working on bytes without creating strings for numbers and dates.
enum CellParser {
    /// Appends `text` parsed as the builder's type; false when it is not a valid value.
    static func append(_ text: UnsafeBufferPointer<UInt8>, to builder: inout ColumnBuilder) -> Bool {
        switch builder.type {
        case .string, .json, .bytes:
            builder.appendBytes(UnsafeRawBufferPointer(text))
            return true
        case .int64:
            guard let value = parseInt(text) else { return false }
            builder.appendInt64(value)
        case .int32:
            guard let value = parseInt(text), let narrow = Int32(exactly: value) else { return false }
            builder.appendInt32(narrow)
        case .int16:
            guard let value = parseInt(text), let narrow = Int16(exactly: value) else { return false }
            builder.appendInt16(narrow)
        case .float64:
            guard let value = parseDouble(text) else { return false }
            builder.appendFloat64(value)
        case .float32:
            guard let value = parseDouble(text) else { return false }
            builder.appendFloat32(Float(value))
        case .bool:
            guard let value = parseBool(text) else { return false }
            builder.appendBool(value)
        case .decimal(let precision, let scale):
            guard let value = DecimalValue(utf8: text)?.rescaled(to: scale), value.fits(precision: precision) else { return false }
            builder.appendDecimalUnits(value.units)
        case .date:
            guard let days = CivilTime.parseDate(text) else { return false }
            builder.appendInt32(days)
        case .timestamp, .timestamptz:
            if let stamp = CivilTime.parseTimestamp(text) {
                builder.appendInt64(stamp.micros)
            } else if let days = CivilTime.parseDate(text) {
                builder.appendInt64(Int64(days) * CivilTime.microsecondsPerDay)
            } else {
                return false
            }
        case .uuid:
            guard let uuid = UUID(uuidString: String(decoding: text, as: UTF8.self)) else { return false }
            builder.appendUUID(uuid)
        }
        return true
    }

    static func parseInt(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if text.count > 0, text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < text.count, text.count - index <= 19 else { return text.count - index > 19 ? slowInt(text) : nil }
        var value: Int64 = 0
        while index < text.count {
            let digit = text[index] &- 48
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
            index += 1
        }
        guard value >= 0 else { return slowInt(text) }
        return negative ? -value : value
    }

    private static func slowInt(_ text: UnsafeBufferPointer<UInt8>) -> Int64? { Int64(String(decoding: text, as: UTF8.self)) }

    private static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// Decimal text without exponent and with at most 15 significant digits is exact with one
    /// division by an exact power of ten (Clinger's fast path); anything else goes to `strtod`
    /// through `Double(String)`.
    static func parseDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if text.count > 0, text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            index = 1
        }
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if byte &- 48 < 10 {
                mantissa = mantissa &* 10 &+ Int64(byte &- 48)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else {
                return slowDouble(text)
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        guard digits <= 15 else { return slowDouble(text) }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    private static func slowDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        let string = String(decoding: text, as: UTF8.self)
        guard let value = Double(string), !string.isEmpty else { return nil }
        return value
    }

    static func parseBool(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch text.count {
        case 1:
            switch text[0] | 0x20 {
            case UInt8(ascii: "t"), UInt8(ascii: "y"), UInt8(ascii: "1") | 0x20: return true
            case UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "0") | 0x20: return false
            default: return nil
            }
        case 4 where equalsIgnoringCase(text, "true"): return true
        case 5 where equalsIgnoringCase(text, "false"): return false
        default: return nil
        }
    }

    private static func equalsIgnoringCase(_ text: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        return text.count == bytes.count && zip(text, bytes).allSatisfy { $0 | 0x20 == $1 }
    }
}
