/// Splits a migration script into single statements for SQLite, which prepares one
/// statement at a time (sqlite-nio exposes no `sqlite3_exec`).
///
/// Understands `--` and `/* */` comments, `'…'`, `"…"`, `` `…` `` and `[…]` quoting, and
/// `CREATE TRIGGER … BEGIN … END;` bodies (whose inner `;` do not end the statement).
/// Statements that hold only comments or whitespace are dropped.
enum SQLScript {
    static func statements(_ script: String) -> [String] {
        let chars = Array(script.unicodeScalars)
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var hasCode = false
        var words: [String] = []  // upper-cased words of the current statement, in order
        var word = ""
        var i = 0

        func flushWord() {
            if !word.isEmpty {
                words.append(word.uppercased())
                word = ""
            }
        }
        func isTrigger() -> Bool {
            guard words.first == "CREATE" else { return false }
            var k = 1
            if k < words.count, words[k] == "TEMP" || words[k] == "TEMPORARY" { k += 1 }
            return k < words.count && words[k] == "TRIGGER"
        }
        func endStatement() {
            let text = String(current).trimmingSpaces()
            if hasCode, !text.isEmpty { result.append(text) }
            current = String.UnicodeScalarView()
            hasCode = false
            words = []
            word = ""
        }

        while i < chars.count {
            let c = chars[i]
            let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case "-" where next == "-":
                flushWord()
                while i < chars.count, chars[i] != "\n" {
                    current.append(chars[i])
                    i += 1
                }
                continue
            case "/" where next == "*":
                flushWord()
                current.append(c)
                current.append("*")
                i += 2
                while i < chars.count, !(chars[i] == "*" && i + 1 < chars.count && chars[i + 1] == "/") {
                    current.append(chars[i])
                    i += 1
                }
                if i < chars.count {
                    current.append("*")
                    current.append("/")
                    i += 2
                }
                continue
            case "'", "\"", "`", "[":
                flushWord()
                hasCode = true
                let close: Unicode.Scalar = c == "[" ? "]" : c
                current.append(c)
                i += 1
                while i < chars.count {
                    current.append(chars[i])
                    if chars[i] == close {
                        // A doubled quote is an escaped quote inside the literal.
                        if close != "]", i + 1 < chars.count, chars[i + 1] == close {
                            current.append(chars[i + 1])
                            i += 2
                            continue
                        }
                        break
                    }
                    i += 1
                }
                i += 1
                continue
            case ";":
                flushWord()
                if isTrigger() && words.last != "END" {
                    current.append(c)
                    i += 1
                    continue
                }
                endStatement()
                i += 1
                continue
            default:
                if c.properties.isAlphabetic || c == "_" || ("0"..."9").contains(c) {
                    word.unicodeScalars.append(c)
                } else {
                    flushWord()
                }
                if !c.properties.isWhitespace { hasCode = true }
                current.append(c)
                i += 1
            }
        }
        flushWord()
        endStatement()
        return result
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
