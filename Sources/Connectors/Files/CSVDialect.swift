import Pipelines

/// The CSV options the csv extractor and loader share.
struct CSVDialect: Sendable {
    var delimiter: UInt8
    var quote: UInt8

    init(config: ModuleConfig) throws {
        delimiter = try Self.byte(config, "delimiter", default: ",")
        quote = try Self.byte(config, "quote", default: "\"")
    }

    private static func byte(_ config: ModuleConfig, _ key: String, default fallback: String) throws -> UInt8 {
        var text = try config.string(key) ?? fallback
        if text == "\\t" { text = "\t" }
        guard text.utf8.count == 1, let byte = text.utf8.first else {
            throw ModuleConfigError(key: key, message: "must be a single ASCII character")
        }
        return byte
    }

    /// The schema properties of the dialect.
    static let schemaProperties: [String: JSONValue] = [
        "delimiter": ["type": "string", "title": "Delimiter", "default": ",", "description": "One character; \\t for tab"],
        "quote": ["type": "string", "title": "Quote character", "default": "\""],
    ]
}
