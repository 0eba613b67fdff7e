/// The three kinds of pipeline node, as the `type` of a node and the `{module_type}` of
/// `GET /modules/{module_type}/{module_name}/schema`.
public enum NodeType: String, Sendable, Hashable, Codable, CaseIterable {
    case extractor
    case transformer
    case loader
}
