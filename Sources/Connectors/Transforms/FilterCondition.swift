import Pipelines

/// One `{column, operator, value}` condition of `filter`, evaluated for a whole batch at once.
/// Comparisons of a numeric column with a number run on the raw arrays; the rest compare
/// ``Value``s. A null cell matches only `is_null`.
struct FilterCondition: Sendable {
    var column: String
    var op: String
    var value: JSONValue
    /// Checked at build time; compiled per batch because `Regex` is not `Sendable`.
    private var pattern: String?

    init(_ object: [String: JSONValue]) throws {
        column = object["column"]?.stringValue ?? ""
        op = object["operator"]?.stringValue ?? "="
        value = object["value"] ?? .null
        if op == "regex" {
            guard let text = value.stringValue, (try? Regex(text)) != nil else {
                throw NodeFailure("condition on \(column): regex needs a valid pattern")
            }
            pattern = text
        }
    }

    func evaluate(_ batch: RecordBatch) throws -> [Bool] {
        let column = batch.columns[try batch.requireColumn(self.column)]
        let count = batch.rowCount
        switch op {
        case "is_null": return (0..<count).map(column.isNull)
        case "not_null": return (0..<count).map { !column.isNull($0) }
        default: break
        }
        let target = try comparisonValue(for: column.type)
        if let fast = fastCompare(column, target) { return fast }
        let read = column.reader()
        let regex = try pattern.map { try Regex($0) }
        let options = (value.arrayValue ?? [value]).map { (try? Value(json: $0).converted(to: column.type)) ?? Value(json: $0) }
        return (0..<count).map { row in
            let cell = read(row)
            if cell.isNull { return false }
            switch op {
            case "in": return options.contains(cell)
            case "not_in": return !options.contains(cell)
            case "contains": return (cell.text ?? "").contains(target.text ?? "")
            case "starts_with": return (cell.text ?? "").hasPrefix(target.text ?? "")
            case "ends_with": return (cell.text ?? "").hasSuffix(target.text ?? "")
            case "regex": return (try? regex?.firstMatch(in: cell.text ?? "")).flatMap { $0 } != nil
            default: return Self.compare(op, Value.compare(cell, target))
            }
        }
    }

    /// The condition's value in the column's type when it converts, else as given.
    private func comparisonValue(for type: DataType) throws -> Value {
        let given = Value(json: value)
        guard ["=", "!=", ">", ">=", "<", "<="].contains(op) else { return given }
        return (try? given.converted(to: type)) ?? given
    }

    private func fastCompare(_ column: Column, _ target: Value) -> [Bool]? {
        guard ["=", "!=", ">", ">=", "<", "<="].contains(op), let number = target.doubleValue else { return nil }
        let validity = column.validity
        func run<Element>(_ values: [Element], _ convert: (Element) -> Double) -> [Bool] {
            var result = [Bool](repeating: false, count: values.count)
            for row in values.indices where validity?[row] ?? true {
                let cell = convert(values[row])
                result[row] =
                    switch op {
                    case "=": cell == number
                    case "!=": cell != number
                    case ">": cell > number
                    case ">=": cell >= number
                    case "<": cell < number
                    default: cell <= number
                    }
            }
            return result
        }
        switch column.storage {
        case .float64(let values): return run(values) { $0 }
        case .int64(let values) where column.type == .int64: return run(values) { Double($0) }
        case .int32(let values) where column.type == .int32: return run(values) { Double($0) }
        default: return nil
        }
    }

    static func compare(_ op: String, _ order: Int) -> Bool {
        switch op {
        case "=": order == 0
        case "!=": order != 0
        case ">": order > 0
        case ">=": order >= 0
        case "<": order < 0
        default: order <= 0
        }
    }
}
