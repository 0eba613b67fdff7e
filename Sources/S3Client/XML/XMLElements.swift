/// Just enough XML for S3's answers: the text of elements by tag name, in document order, and
/// the blocks of repeated elements (`<Contents>…</Contents>`). S3 answers are small, flat and
/// generated, with no attributes we read, no CDATA and no comments; entities are decoded.
struct XMLElements {
    private let text: Substring

    init(_ document: String) { text = Substring(document) }
    private init(_ text: Substring) { self.text = text }

    /// The decoded text of the first `<name>` element, or nil when there is none.
    func value(_ name: String) -> String? { blocks(name).first.map { XMLElements.decode($0.text) } }

    /// Every `<name>…</name>` element's inside, in order (an empty `<name/>` gives an empty one).
    func blocks(_ name: String) -> [XMLElements] {
        var found: [XMLElements] = []
        var rest = text[...]
        let open = "<" + name
        let close = "</" + name + ">"
        while let start = rest.firstRange(of: open) {
            let afterName = rest[start.upperBound...]
            guard let next = afterName.first else { break }
            // `<Key>` must not match `<KeyMarker>`.
            guard next == ">" || next == " " || next == "/" else {
                rest = afterName
                continue
            }
            guard let tagEnd = afterName.firstIndex(of: ">") else { break }
            if afterName[..<tagEnd].hasSuffix("/") {
                found.append(XMLElements(""))
                rest = afterName[afterName.index(after: tagEnd)...]
                continue
            }
            let inside = afterName[afterName.index(after: tagEnd)...]
            guard let end = inside.firstRange(of: close) else { break }
            found.append(XMLElements(inside[..<end.lowerBound]))
            rest = inside[end.upperBound...]
        }
        return found
    }

    /// Replaces the five predefined entities and numeric character references.
    static func decode(_ raw: Substring) -> String {
        guard raw.contains("&") else { return String(raw) }
        var output = ""
        var rest = raw
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": output += "&"
            case "lt": output += "<"
            case "gt": output += ">"
            case "quot": output += "\""
            case "apos": output += "'"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let scalar = number.flatMap(Unicode.Scalar.init) { output.unicodeScalars.append(scalar) } else { output += "&\(entity);" }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return output + rest
    }

    /// `text` with `&`, `<`, `>` escaped, for element content we send.
    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            default: output.append(character)
            }
        }
        return output
    }
}
