/// `:name` parameters in code (SQL and expressions). They are always bound as values, never
/// pasted into the text: this scanner finds them while skipping string literals (`'…'`),
/// quoted identifiers (`"…"`) and PostgreSQL casts (`::type`).
public enum BindParameters {
    /// The parameter names in `code`, in order of first appearance.
    public static func names(in code: String) -> [String] {
        var names: [String] = []
        scan(code) { name in
            if !names.contains(name) { names.append(name) }
            return ""
        }
        return names
    }

    /// SQL for a server that numbers its placeholders (`$1`, `$2`…) and the values in order.
    /// A name used twice binds the same placeholder. Throws when a parameter has no value.
    public static func numbered(_ sql: String, scope: ParameterScope) throws(TemplateError) -> (sql: String, values: [JSONValue]) {
        var order: [String] = []
        var missing: String?
        let text = scan(sql) { name in
            if scope.values[name] == nil { missing = missing ?? name }
            if !order.contains(name) { order.append(name) }
            return "$\(order.firstIndex(of: name)! + 1)"
        }
        if let missing { throw TemplateError(reason: .missingParameter(missing)) }
        return (text, order.map { scope.values[$0] ?? .null })
    }

    /// Copies `code`, replacing each `:name` outside literals with `replacement(name)`.
    @discardableResult
    static func scan(_ code: String, replacement: (String) -> String) -> String {
        let characters = Array(code.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        func isNameStart(_ scalar: Unicode.Scalar) -> Bool { scalar == "_" || scalar.properties.isAlphabetic }
        func isNamePart(_ scalar: Unicode.Scalar) -> Bool { isNameStart(scalar) || ("0"..."9").contains(scalar) }
        while index < characters.count {
            let scalar = characters[index]
            if scalar == "'" || scalar == "\"" {
                // Copy the literal through its closing quote (a doubled quote stays inside).
                output.append(scalar)
                index += 1
                while index < characters.count {
                    output.append(characters[index])
                    if characters[index] == scalar {
                        if index + 1 < characters.count, characters[index + 1] == scalar {
                            output.append(characters[index + 1])
                            index += 2
                            continue
                        }
                        break
                    }
                    index += 1
                }
                index += 1
            } else if scalar == ":", index + 1 < characters.count, characters[index + 1] == ":" {
                output.append(contentsOf: "::".unicodeScalars)
                index += 2
            } else if scalar == ":", index + 1 < characters.count, isNameStart(characters[index + 1]),
                index == 0 || !isNamePart(characters[index - 1])
            {
                var end = index + 1
                while end < characters.count, isNamePart(characters[end]) { end += 1 }
                let name = String(String.UnicodeScalarView(characters[index + 1..<end]))
                output.append(contentsOf: replacement(name).unicodeScalars)
                index = end
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return String(output)
    }
}
