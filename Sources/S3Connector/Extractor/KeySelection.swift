/// Which keys the `s3` extractor reads: everything under a prefix, or the keys a glob matches
/// (`*` and `?` within one path segment, `**` across segments).
struct KeySelection: Sendable, Hashable {
    /// The prefix to list: the given one, or the glob's part before its first wildcard.
    let listPrefix: String
    private let pattern: [UInt8]?

    /// All keys under `prefix`.
    init(prefix: String) {
        listPrefix = prefix
        pattern = nil
    }

    /// The keys matching `glob`.
    init(glob: String) {
        let bytes = Array(glob.utf8)
        let literal = bytes.prefix { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "?") }
        listPrefix = String(decoding: literal, as: UTF8.self)
        pattern = bytes
    }

    /// Whether `key` is selected (directory placeholders ending in `/` never are).
    func matches(_ key: String) -> Bool {
        guard !key.hasSuffix("/"), key.hasPrefix(listPrefix) else { return false }
        guard let pattern else { return true }
        return Self.match(pattern[...], Array(key.utf8)[...])
    }

    private static func match(_ pattern: ArraySlice<UInt8>, _ key: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return key.isEmpty }
        let slash = UInt8(ascii: "/")
        switch first {
        case UInt8(ascii: "*"):
            let doubled = pattern.dropFirst().first == UInt8(ascii: "*")
            let rest = pattern.dropFirst(doubled ? 2 : 1)
            // `**/` also matches no directory at all.
            if doubled, rest.first == slash, match(rest.dropFirst(), key) { return true }
            var index = key.startIndex
            while true {
                if match(rest, key[index...]) { return true }
                guard index < key.endIndex, doubled || key[index] != slash else { return false }
                index += 1
            }
        case UInt8(ascii: "?"):
            guard let next = key.first, next != slash else { return false }
            return match(pattern.dropFirst(), key.dropFirst())
        default:
            guard key.first == first else { return false }
            return match(pattern.dropFirst(), key.dropFirst())
        }
    }
}
