/// A piece of an expression together with the 1-based column where it starts,
/// so every error can point at the text it is about.
struct CronToken {
    var text: Substring
    var column: Int

    /// Splits on `separator`, keeping each piece's column; empty pieces are kept.
    func split(on separator: Character) -> [CronToken] {
        var pieces: [CronToken] = []
        var start = text.startIndex
        var column = self.column
        var pieceColumn = column
        for index in text.indices {
            if text[index] == separator {
                pieces.append(CronToken(text: text[start..<index], column: pieceColumn))
                start = text.index(after: index)
                pieceColumn = column + 1
            }
            column += 1
        }
        pieces.append(CronToken(text: text[start...], column: pieceColumn))
        return pieces
    }

    /// Splits at the first `separator` into the text before and after it.
    func split(atFirst separator: Character) -> (head: CronToken, tail: CronToken)? {
        guard let index = text.firstIndex(of: separator) else { return nil }
        let headLength = text.distance(from: text.startIndex, to: index)
        return (
            CronToken(text: text[..<index], column: column),
            CronToken(text: text[text.index(after: index)...], column: column + headLength + 1)
        )
    }

    /// The text after its first `count` characters.
    func dropFirst(_ count: Int) -> CronToken {
        CronToken(text: text.dropFirst(count), column: column + count)
    }

    /// The text without its last `count` characters.
    func dropLast(_ count: Int) -> CronToken {
        CronToken(text: text.dropLast(count), column: column)
    }

    /// Splits a whole expression into white-space separated words.
    static func words(of expression: String) -> [CronToken] {
        var words: [CronToken] = []
        var start: String.Index?
        var startColumn = 0
        var column = 1
        for index in expression.indices {
            if expression[index].isWhitespace {
                if let wordStart = start {
                    words.append(CronToken(text: expression[wordStart..<index], column: startColumn))
                    start = nil
                }
            } else if start == nil {
                start = index
                startColumn = column
            }
            column += 1
        }
        if let wordStart = start {
            words.append(CronToken(text: expression[wordStart...], column: startColumn))
        }
        return words
    }
}
