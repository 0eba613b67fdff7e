import Pipelines

/// Chooses column types from sample text: the narrowest of bool, int64, float64, date,
/// timestamp(tz) that every non-null sample parses as, else string. Integers with a leading
/// zero (`007`, zip codes) stay strings.
enum TypeInference {
    static func infer(_ samples: [String]) -> DataType {
        guard !samples.isEmpty else { return .string }
        let candidates: [DataType] = [.bool, .int64, .float64, .date, .timestamp, .timestamptz]
        for candidate in candidates where samples.allSatisfy({ fits($0, candidate) }) { return candidate }
        return .string
    }

    private static func fits(_ text: String, _ type: DataType) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            switch type {
            case .bool: return CellParser.parseBool(bytes) != nil && !(bytes.count == 1 && (bytes[0] == 48 || bytes[0] == 49))
            case .int64:
                let digits = bytes.first == UInt8(ascii: "-") ? UnsafeBufferPointer(rebasing: bytes.dropFirst()) : bytes
                return CellParser.parseInt(bytes) != nil && !(digits.count > 1 && digits.first == UInt8(ascii: "0"))
            case .float64:
                return CellParser.parseDouble(bytes) != nil && bytes.allSatisfy { "0123456789+-.eE".utf8.contains($0) }
            case .date: return CivilTime.parseDate(bytes) != nil
            case .timestamp: return CivilTime.parseTimestamp(bytes).map { !$0.zoned } ?? false
            case .timestamptz: return CivilTime.parseTimestamp(bytes).map(\.zoned) ?? false
            default: return false
            }
        }
    }
}
