/// A token of the expression language.
enum ExpressionToken: Sendable, Hashable {
    case number(String)
    case string(String)
    case identifier(String)
    case quotedIdentifier(String)
    case parameter(String)
    case symbol(String)
    case end
}

/// Splits expression text into tokens.
struct ExpressionLexer {
    static func tokens(_ text: String) throws(ExpressionError) -> [(token: ExpressionToken, offset: Int)] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [(ExpressionToken, Int)] = []
        var index = 0
        func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool { scalar == "_" || scalar.properties.isAlphabetic }
        func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool { isIdentifierStart(scalar) || ("0"..."9").contains(scalar) }
        func word(from start: Int) -> (String, Int) {
            var end = start
            while end < scalars.count, isIdentifierPart(scalars[end]) { end += 1 }
            return (String(String.UnicodeScalarView(scalars[start..<end])), end)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            if scalar.properties.isWhitespace {
                index += 1
            } else if ("0"..."9").contains(scalar) || (scalar == "." && index + 1 < scalars.count && ("0"..."9").contains(scalars[index + 1])) {
                var end = index
                while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == "." { end += 1 }
                if end < scalars.count, scalars[end] == "e" || scalars[end] == "E" {
                    end += 1
                    if end < scalars.count, scalars[end] == "+" || scalars[end] == "-" { end += 1 }
                    while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
                }
                tokens.append((.number(String(String.UnicodeScalarView(scalars[index..<end]))), start))
                index = end
            } else if scalar == "'" || scalar == "\"" || scalar == "`" {
                var content = String.UnicodeScalarView()
                index += 1
                var closed = false
                while index < scalars.count {
                    if scalars[index] == scalar {
                        if index + 1 < scalars.count, scalars[index + 1] == scalar {
                            content.append(scalar)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    content.append(scalars[index])
                    index += 1
                }
                guard closed else { throw ExpressionError("unterminated quote \(scalar)", offset: start) }
                let text = String(content)
                tokens.append((scalar == "'" ? .string(text) : .quotedIdentifier(text), start))
            } else if scalar == ":" {
                guard index + 1 < scalars.count, isIdentifierStart(scalars[index + 1]) else {
                    throw ExpressionError("expected a parameter name after ':'", offset: start)
                }
                let (name, end) = word(from: index + 1)
                tokens.append((.parameter(name), start))
                index = end
            } else if isIdentifierStart(scalar) {
                let (name, end) = word(from: index)
                tokens.append((.identifier(name), start))
                index = end
            } else {
                let two = index + 1 < scalars.count ? String(String.UnicodeScalarView([scalar, scalars[index + 1]])) : ""
                if ["<=", ">=", "!=", "<>", "==", "||"].contains(two) {
                    tokens.append((.symbol(two == "<>" ? "!=" : two == "==" ? "=" : two), start))
                    index += 2
                } else if "+-*/%=<>(),".unicodeScalars.contains(scalar) {
                    tokens.append((.symbol(String(scalar)), start))
                    index += 1
                } else {
                    throw ExpressionError("unexpected character '\(scalar)'", offset: start)
                }
            }
        }
        tokens.append((.end, scalars.count))
        return tokens
    }
}
