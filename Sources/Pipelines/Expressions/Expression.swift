/// A parsed expression of the safe expression language of `filter` and `map`: column
/// references, literals, `:name` parameters, arithmetic (`+ - * / %`), concatenation (`||`),
/// comparison (`= != <> < <= > >=`), `is [not] null`, `[not] in (…)`, `and`/`or`/`not` and the
/// functions of ``ExpressionFunction``. It can read the row and the parameters, nothing else.
public indirect enum Expression: Sendable, Hashable {
    public enum UnaryOperator: String, Sendable, Hashable { case negate = "-", not }
    public enum BinaryOperator: String, Sendable, Hashable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", concat = "||"
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case and, or
    }

    case literal(Value)
    case column(String)
    case parameter(String)
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    case call(ExpressionFunction, [Expression])
    case isNull(Expression, negated: Bool)
    case inList(Expression, [Expression], negated: Bool)

    /// Parses `text`.
    public init(parsing text: String) throws(ExpressionError) {
        var parser = try ExpressionParser(text)
        self = try parser.parseAll()
    }

    /// The columns the expression reads, in order of first appearance.
    public var columns: [String] {
        var names: [String] = []
        visit { if case .column(let name) = $0, !names.contains(name) { names.append(name) } }
        return names
    }

    /// The parameters the expression reads.
    public var parameters: Set<String> {
        var names: Set<String> = []
        visit { if case .parameter(let name) = $0 { names.insert(name) } }
        return names
    }

    private func visit(_ body: (Expression) -> Void) {
        body(self)
        switch self {
        case .literal, .column, .parameter: break
        case .unary(_, let operand), .isNull(let operand, _): operand.visit(body)
        case .binary(_, let left, let right):
            left.visit(body)
            right.visit(body)
        case .call(_, let arguments):
            for argument in arguments { argument.visit(body) }
        case .inList(let operand, let list, _):
            operand.visit(body)
            for item in list { item.visit(body) }
        }
    }
}

/// A syntax error (with the character offset) or an evaluation error of an expression.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// Offset in the text, for syntax errors.
    public var offset: Int?

    public init(_ message: String, offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }

    public var description: String { offset.map { "\(message) at offset \($0)" } ?? message }
}
