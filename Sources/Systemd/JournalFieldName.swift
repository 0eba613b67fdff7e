/// Turns a log metadata key into a journal field name, as systemd.journal-fields(7) requires:
/// upper-case ASCII letters, digits and underscores, not starting with an underscore (those are
/// trusted fields only journald sets) or a digit, at most 64 characters.
///
/// `pipeline_id` becomes `PIPELINE_ID`, `hb.request.id` becomes `HB_REQUEST_ID`.
enum JournalFieldName {
    static let maximumLength = 64

    static func from(metadataKey key: String) -> String? {
        var name = ""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "a"..."z": name.unicodeScalars.append(Unicode.Scalar(scalar.value - 32)!)
            case "A"..."Z", "0"..."9": name.unicodeScalars.append(scalar)
            default: if !name.isEmpty && name.last != "_" { name.append("_") }
            }
        }
        while name.hasSuffix("_") { name.removeLast() }
        guard let first = name.first else { return nil }
        if first.isNumber { name = "F_" + name }
        return String(name.prefix(maximumLength))
    }
}
