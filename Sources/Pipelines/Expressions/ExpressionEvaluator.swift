/// Evaluates an expression for one row of the batch it was bound to.
public typealias RowEvaluator = (Int) throws(ExpressionError) -> Value

extension Expression {
    /// Binds the expression to `batch`: column references become direct typed reads, parameters
    /// become constants. Throws when a column does not exist or a parameter has no value.
    public func bind(to batch: RecordBatch, parameters: [String: Value]) throws(ExpressionError) -> RowEvaluator {
        switch self {
        case .literal(let value):
            return { _ in value }
        case .column(let name):
            guard let column = batch.column(named: name) else { throw ExpressionError("unknown column \(name)") }
            let read = column.reader()
            return { row in read(row) }
        case .parameter(let name):
            guard let value = parameters[name] else { throw ExpressionError("parameter :\(name) has no value") }
            return { _ in value }
        case .unary(let op, let operand):
            let inner = try operand.bind(to: batch, parameters: parameters)
            switch op {
            case .negate:
                return { row throws(ExpressionError) in
                    try ExpressionOperators.arithmetic(.subtract, .int(0), try inner(row))
                }
            case .not:
                return { row throws(ExpressionError) in
                    switch try inner(row) {
                    case .null: .null
                    case .bool(let value): .bool(!value)
                    case let other: throw ExpressionError("not needs a boolean, not \(other)")
                    }
                }
            }
        case .binary(let op, let leftExpression, let rightExpression):
            let left = try leftExpression.bind(to: batch, parameters: parameters)
            let right = try rightExpression.bind(to: batch, parameters: parameters)
            switch op {
            case .and, .or:
                return { row throws(ExpressionError) in try ExpressionOperators.logic(op, try left(row)) { () throws(ExpressionError) in try right(row) } }
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
                return { row throws(ExpressionError) in ExpressionOperators.comparison(op, try left(row), try right(row)) }
            case .add, .subtract, .multiply, .divide, .remainder, .concat:
                return { row throws(ExpressionError) in try ExpressionOperators.arithmetic(op, try left(row), try right(row)) }
            }
        case .call(let function, let argumentExpressions):
            var arguments: [RowEvaluator] = []
            for argument in argumentExpressions { arguments.append(try argument.bind(to: batch, parameters: parameters)) }
            let bound = arguments
            return { row throws(ExpressionError) in
                var values: [Value] = []
                values.reserveCapacity(bound.count)
                for argument in bound { values.append(try argument(row)) }
                return try function.apply(values)
            }
        case .isNull(let operand, let negated):
            let inner = try operand.bind(to: batch, parameters: parameters)
            return { row throws(ExpressionError) in .bool(try inner(row).isNull != negated) }
        case .inList(let operand, let itemExpressions, let negated):
            let inner = try operand.bind(to: batch, parameters: parameters)
            var items: [RowEvaluator] = []
            for item in itemExpressions { items.append(try item.bind(to: batch, parameters: parameters)) }
            let bound = items
            return { row throws(ExpressionError) in
                let value = try inner(row)
                if value.isNull { return .null }
                for item in bound where ExpressionOperators.comparison(.equal, value, try item(row)) == .bool(true) {
                    return .bool(!negated)
                }
                return .bool(negated)
            }
        }
    }

    /// The type of the expression's values given the input column types (nil where unknown).
    public func resultType(columns: [String: DataType], parameters: [String: Value]) -> DataType? {
        switch self {
        case .literal(let value): return value.naturalType
        case .column(let name): return columns[name]
        case .parameter(let name): return parameters[name]?.naturalType
        case .unary(.not, _), .isNull, .inList: return .bool
        case .unary(.negate, let operand): return operand.resultType(columns: columns, parameters: parameters)
        case .binary(let op, let left, let right):
            switch op {
            case .and, .or, .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return .bool
            case .concat: return .string
            case .divide: return .float64
            case .add, .subtract, .multiply, .remainder:
                let types = (left.resultType(columns: columns, parameters: parameters), right.resultType(columns: columns, parameters: parameters))
                switch types {
                case (.date?, _) where op == .add || op == .subtract: return .date
                case (.float32?, _), (.float64?, _), (_, .float32?), (_, .float64?): return .float64
                case (.decimal?, _), (_, .decimal?): return .decimal(precision: 38, scale: ExpressionOperators.resultScale(op, types))
                case (nil, _), (_, nil): return nil
                default: return .int64
                }
            }
        case .call(let function, let arguments):
            let literals: [Value?] = arguments.map { if case .literal(let value) = $0 { value } else { nil } }
            return function.resultType(arguments.map { $0.resultType(columns: columns, parameters: parameters) }, literalArguments: literals)
        }
    }
}

extension Value {
    /// The column type a value of this kind is stored in when nothing else says.
    public var naturalType: DataType? {
        switch self {
        case .null: nil
        case .bool: .bool
        case .int: .int64
        case .float: .float64
        case .decimal(let value): .decimal(precision: 38, scale: value.scale)
        case .string: .string
        case .bytes: .bytes
        case .date: .date
        case .timestamp: .timestamp
        case .timestamptz: .timestamptz
        case .uuid: .uuid
        case .json: .json
        }
    }
}

extension Column {
    /// A reader of the column's cells, specialised once for its storage so the per-row cost is
    /// one array read and a validity check.
    public func reader() -> (Int) -> Value {
        let validity = self.validity
        func guarded(_ read: @escaping (Int) -> Value) -> (Int) -> Value {
            guard let validity else { return read }
            return { row in validity[row] ? read(row) : .null }
        }
        switch storage {
        case .int64(let values) where type == .int64: return guarded { .int(values[$0]) }
        case .float64(let values): return guarded { .float(values[$0]) }
        case .int32(let values) where type == .int32: return guarded { .int(Int64(values[$0])) }
        case .bool(let values): return guarded { .bool(values[$0]) }
        case .variable(let cells) where type == .string: return guarded { .string(cells.string(at: $0)) }
        default: return { self[$0] }
        }
    }
}
