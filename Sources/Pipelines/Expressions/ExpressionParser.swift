/// Recursive-descent parser: `or` < `and` < `not` < comparison < `+ - ||` < `* / %` < unary.
struct ExpressionParser {
    private let tokens: [(token: ExpressionToken, offset: Int)]
    private var position = 0

    init(_ text: String) throws(ExpressionError) {
        tokens = try ExpressionLexer.tokens(text)
    }

    mutating func parseAll() throws(ExpressionError) -> Expression {
        if case .end = current { throw ExpressionError("the expression is empty", offset: 0) }
        let expression = try parseOr()
        guard case .end = current else { throw unexpected() }
        return expression
    }

    private var current: ExpressionToken { tokens[position].token }

    private func unexpected() -> ExpressionError {
        let description: String =
            switch current {
            case .end: "end of expression"
            case .number(let text), .symbol(let text), .identifier(let text): "'\(text)'"
            case .string(let text): "'\(text)'"
            case .quotedIdentifier(let text): "\"\(text)\""
            case .parameter(let name): ":\(name)"
            }
        return ExpressionError("unexpected \(description)", offset: tokens[position].offset)
    }

    private mutating func accept(keyword: String) -> Bool {
        guard case .identifier(let word) = current, word.lowercased() == keyword else { return false }
        position += 1
        return true
    }

    private mutating func accept(symbol: String) -> Bool {
        guard case .symbol(let text) = current, text == symbol else { return false }
        position += 1
        return true
    }

    private mutating func expect(symbol: String) throws(ExpressionError) {
        guard accept(symbol: symbol) else { throw unexpected() }
    }

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        var left = try parseAnd()
        while accept(keyword: "or") { left = .binary(.or, left, try parseAnd()) }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        var left = try parseNot()
        while accept(keyword: "and") { left = .binary(.and, left, try parseNot()) }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Expression {
        if accept(keyword: "not") { return .unary(.not, try parseNot()) }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> Expression {
        let left = try parseAdditive()
        for symbol in ["=", "!=", "<=", ">=", "<", ">"] where accept(symbol: symbol) {
            return .binary(Expression.BinaryOperator(rawValue: symbol)!, left, try parseAdditive())
        }
        if accept(keyword: "is") {
            let negated = accept(keyword: "not")
            guard accept(keyword: "null") else { throw unexpected() }
            return .isNull(left, negated: negated)
        }
        let save = position
        let negated = accept(keyword: "not")
        if accept(keyword: "in") {
            try expect(symbol: "(")
            var items = [try parseAdditive()]
            while accept(symbol: ",") { items.append(try parseAdditive()) }
            try expect(symbol: ")")
            return .inList(left, items, negated: negated)
        }
        position = save
        return left
    }

    private mutating func parseAdditive() throws(ExpressionError) -> Expression {
        var left = try parseMultiplicative()
        while true {
            if accept(symbol: "+") {
                left = .binary(.add, left, try parseMultiplicative())
            } else if accept(symbol: "-") {
                left = .binary(.subtract, left, try parseMultiplicative())
            } else if accept(symbol: "||") {
                left = .binary(.concat, left, try parseMultiplicative())
            } else {
                return left
            }
        }
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> Expression {
        var left = try parseUnary()
        while true {
            if accept(symbol: "*") {
                left = .binary(.multiply, left, try parseUnary())
            } else if accept(symbol: "/") {
                left = .binary(.divide, left, try parseUnary())
            } else if accept(symbol: "%") {
                left = .binary(.remainder, left, try parseUnary())
            } else {
                return left
            }
        }
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        if accept(symbol: "-") {
            let operand = try parseUnary()
            switch operand {
            case .literal(.int(let value)): return .literal(.int(-value))
            case .literal(.float(let value)): return .literal(.float(-value))
            case .literal(.decimal(let value)): return .literal(.decimal(DecimalValue(units: -value.units, scale: value.scale)))
            default: return .unary(.negate, operand)
            }
        }
        if accept(symbol: "+") { return try parseUnary() }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let offset = tokens[position].offset
        switch current {
        case .number(let text):
            position += 1
            if let integer = Int64(text) { return .literal(.int(integer)) }
            if !text.contains(where: { $0 == "e" || $0 == "E" }), let decimal = DecimalValue(utf8: Array(text.utf8)),
                decimal.scale <= 18
            {
                // A literal such as 1.2 is exact; arithmetic with doubles turns it into a double.
                return .literal(.decimal(decimal))
            }
            if let double = Double(text) { return .literal(.float(double)) }
            throw ExpressionError("'\(text)' is not a number", offset: offset)
        case .string(let text):
            position += 1
            return .literal(.string(text))
        case .quotedIdentifier(let name):
            position += 1
            return .column(name)
        case .parameter(let name):
            position += 1
            return .parameter(name)
        case .identifier(let name):
            position += 1
            switch name.lowercased() {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default: break
            }
            guard accept(symbol: "(") else { return .column(name) }
            guard let function = ExpressionFunction(rawValue: name.lowercased()) else {
                throw ExpressionError("unknown function \(name)", offset: offset)
            }
            var arguments: [Expression] = []
            if !accept(symbol: ")") {
                arguments.append(try parseOr())
                while accept(symbol: ",") { arguments.append(try parseOr()) }
                try expect(symbol: ")")
            }
            guard function.arity.contains(arguments.count) else {
                throw ExpressionError("\(function.rawValue) takes \(function.arityDescription) argument(s), not \(arguments.count)", offset: offset)
            }
            return .call(function, arguments)
        case .symbol("("):
            position += 1
            let inner = try parseOr()
            try expect(symbol: ")")
            return inner
        default:
            throw unexpected()
        }
    }
}
