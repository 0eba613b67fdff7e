/// The answer of `POST /pipelines/{id}/validate`: `{"valid": true, "errors": [], "warnings": […]}`.
public struct ValidationReport: Sendable, Hashable, Codable {
    /// True when `errors` is empty.
    public var valid: Bool { errors.isEmpty }
    /// Problems that prevent the pipeline from running.
    public var errors: [String]
    /// Remarks that do not prevent it, including what was not checked.
    public var warnings: [String]

    /// A report; `valid` follows from `errors`.
    public init(errors: [String], warnings: [String]) {
        self.errors = errors
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey { case valid, errors, warnings }

    /// Decodes `errors` and `warnings` (`valid` is derived).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.errors = try container.decode([String].self, forKey: .errors)
        self.warnings = try container.decode([String].self, forKey: .warnings)
    }

    /// Encodes the three fields of the document.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(valid, forKey: .valid)
        try container.encode(errors, forKey: .errors)
        try container.encode(warnings, forKey: .warnings)
    }
}
