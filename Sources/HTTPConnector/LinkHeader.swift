import Foundation

/// Reads RFC 8288 `Link` headers: `<https://api.example.com/items?page=2>; rel="next", <…>; rel="last"`.
enum LinkHeader {
    /// The target of the first link whose `rel` includes `next`, across all `values` of the header.
    static func next(in values: [String]) -> String? {
        for value in values {
            var rest = Substring(value)
            while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
                let target = rest[rest.index(after: open)..<close]
                let parametersEnd = rest[close...].firstIndex(of: "<") ?? rest.endIndex
                if relations(in: rest[rest.index(after: close)..<parametersEnd]).contains("next") { return String(target) }
                rest = rest[parametersEnd...]
            }
        }
        return nil
    }

    /// The lower-cased relation types of one link's parameters (`; rel="next prev",`).
    private static func relations(in parameters: Substring) -> [String] {
        let unwanted = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ",\""))
        for parameter in parameters.split(separator: ";") {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: unwanted) }
            guard pair.count == 2, pair[0].lowercased() == "rel" else { continue }
            return pair[1].lowercased().split(separator: " ").map(String.init)
        }
        return []
    }
}
