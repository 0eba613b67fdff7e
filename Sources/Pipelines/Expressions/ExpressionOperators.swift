/// The semantics of the expression operators: SQL three-valued logic, null propagation,
/// exact decimal arithmetic, and comparison that reads text as a number or date when the
/// other side is one.
enum ExpressionOperators {
    static func logic(_ op: Expression.BinaryOperator, _ left: Value, _ right: () throws(ExpressionError) -> Value) throws(ExpressionError) -> Value {
        let decided = op == .or  // `or` is decided by a true operand, `and` by a false one
        let leftTruth = try truth(left)
        if leftTruth == decided { return .bool(decided) }
        let rightTruth = try truth(try right())
        if rightTruth == decided { return .bool(decided) }
        return leftTruth == nil || rightTruth == nil ? .null : .bool(!decided)
    }

    private static func truth(_ value: Value) throws(ExpressionError) -> Bool? {
        switch value {
        case .null: nil
        case .bool(let flag): flag
        default: throw ExpressionError("and/or need booleans, not \(value)")
        }
    }

    static func comparison(_ op: Expression.BinaryOperator, _ left: Value, _ right: Value) -> Value {
        if left.isNull || right.isNull { return .null }
        let (a, b) = coerced(left, right)
        let order = Value.compare(a, b)
        switch op {
        case .equal: return .bool(order == 0)
        case .notEqual: return .bool(order != 0)
        case .less: return .bool(order < 0)
        case .lessOrEqual: return .bool(order <= 0)
        case .greater: return .bool(order > 0)
        default: return .bool(order >= 0)
        }
    }

    /// Text compared with a number, date or timestamp is read as one when it can be.
    static func coerced(_ left: Value, _ right: Value) -> (Value, Value) {
        switch (left, right) {
        case (.string(let text), _) where right.naturalType != .string:
            if let type = right.naturalType, let value = try? Value.string(text).converted(to: type) { return (value, right) }
        case (_, .string(let text)) where left.naturalType != .string:
            if let type = left.naturalType, let value = try? Value.string(text).converted(to: type) { return (left, value) }
        default: break
        }
        return (left, right)
    }

    static func arithmetic(_ op: Expression.BinaryOperator, _ left: Value, _ right: Value) throws(ExpressionError) -> Value {
        if left.isNull || right.isNull { return .null }
        if op == .concat { return .string((left.text ?? "") + (right.text ?? "")) }
        switch (left, right) {
        case (.int(let a), .int(let b)):
            let (result, overflow): (Int64, Bool) =
                switch op {
                case .add: a.addingReportingOverflow(b)
                case .subtract: a.subtractingReportingOverflow(b)
                case .multiply: a.multipliedReportingOverflow(by: b)
                case .remainder:
                    b == 0 ? (0, true) : a.remainderReportingOverflow(dividingBy: b)
                default: (0, false)
                }
            if op == .divide { return try divide(Double(a), Double(b)) }
            if overflow { throw ExpressionError(b == 0 ? "division by zero" : "integer overflow in \(a) \(op.rawValue) \(b)") }
            return .int(result)
        case (.date(let days), .int(let delta)) where op == .add || op == .subtract:
            return .date(days + Int32(clamping: op == .add ? delta : -delta))
        case (.float, _), (_, .float):
            guard let a = left.doubleValue, let b = right.doubleValue else { throw mismatch(op, left, right) }
            switch op {
            case .add: return .float(a + b)
            case .subtract: return .float(a - b)
            case .multiply: return .float(a * b)
            case .remainder: return b == 0 ? try divide(a, b) : .float(a.truncatingRemainder(dividingBy: b))
            default: return try divide(a, b)
            }
        case (.decimal, _), (_, .decimal):
            guard let a = decimal(left), let b = decimal(right) else { throw mismatch(op, left, right) }
            if op == .divide { return try divide(a.doubleValue, b.doubleValue) }
            if op == .multiply {
                let (units, overflow) = a.units.multipliedReportingOverflow(by: b.units)
                if overflow || a.scale + b.scale > 38 { throw ExpressionError("decimal overflow") }
                return .decimal(DecimalValue(units: units, scale: a.scale + b.scale))
            }
            let scale = max(a.scale, b.scale)
            guard let x = a.rescaled(to: scale), let y = b.rescaled(to: scale) else { throw ExpressionError("decimal overflow") }
            if op == .remainder {
                guard y.units != 0 else { throw ExpressionError("division by zero") }
                return .decimal(DecimalValue(units: x.units % y.units, scale: scale))
            }
            let (units, overflow) = op == .add ? x.units.addingReportingOverflow(y.units) : x.units.subtractingReportingOverflow(y.units)
            if overflow { throw ExpressionError("decimal overflow") }
            return .decimal(DecimalValue(units: units, scale: scale))
        default:
            throw mismatch(op, left, right)
        }
    }

    /// The scale of a decimal result, when both scales are known from literal types.
    static func resultScale(_ op: Expression.BinaryOperator, _ types: (DataType?, DataType?)) -> Int {
        func scale(_ type: DataType?) -> Int { if case .decimal(_, let scale)? = type { scale } else { 0 } }
        return op == .multiply ? min(38, scale(types.0) + scale(types.1)) : max(scale(types.0), scale(types.1))
    }

    private static func divide(_ a: Double, _ b: Double) throws(ExpressionError) -> Value {
        guard b != 0 else { throw ExpressionError("division by zero") }
        return .float(a / b)
    }

    private static func decimal(_ value: Value) -> DecimalValue? {
        switch value {
        case .decimal(let decimal): decimal
        case .int(let integer): DecimalValue(units: Int128(integer), scale: 0)
        default: nil
        }
    }

    private static func mismatch(_ op: Expression.BinaryOperator, _ left: Value, _ right: Value) -> ExpressionError {
        ExpressionError("cannot apply \(op.rawValue) to \(left) and \(right)")
    }
}
