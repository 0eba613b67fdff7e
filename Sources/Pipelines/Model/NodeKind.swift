/// The three roles a node plays in a pipeline (the document's node `type`).
public enum NodeKind: String, Sendable, Hashable, Codable, CaseIterable {
    case extractor, transformer, loader

    /// The plural the `/modules` listing groups by: `extractors`, `transformers`, `loaders`.
    public var plural: String { rawValue + "s" }
}
