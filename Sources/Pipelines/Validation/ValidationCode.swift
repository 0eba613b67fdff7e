/// The stable codes of validation findings. Clients may match on them; never rename one.
public enum ValidationCode: String, Sendable, Hashable, Codable, CaseIterable {
    // Errors: document shape.
    case invalidDocument = "INVALID_DOCUMENT"
    case emptyPipeline = "EMPTY_PIPELINE"
    case duplicateNodeID = "DUPLICATE_NODE_ID"
    case invalidNodeType = "INVALID_NODE_TYPE"
    case unknownModule = "UNKNOWN_MODULE"
    case wrongNodeKind = "WRONG_NODE_KIND"
    // Errors: graph.
    case edgeToMissingNode = "EDGE_TO_MISSING_NODE"
    case cycle = "CYCLE"
    case extractorHasInput = "EXTRACTOR_HAS_INPUT"
    case loaderHasOutput = "LOADER_HAS_OUTPUT"
    case unreachableNode = "UNREACHABLE_NODE"
    case wrongInputCount = "WRONG_INPUT_COUNT"
    // Errors: node config against the module's JSON Schema.
    case configMissingRequired = "CONFIG_MISSING_REQUIRED"
    case configUnknownKey = "CONFIG_UNKNOWN_KEY"
    case configWrongType = "CONFIG_WRONG_TYPE"
    case configNotInEnum = "CONFIG_NOT_IN_ENUM"
    case configOutOfRange = "CONFIG_OUT_OF_RANGE"
    // Errors: content of the config.
    case invalidExpression = "INVALID_EXPRESSION"
    case unknownColumn = "UNKNOWN_COLUMN"
    case invalidConfig = "INVALID_CONFIG"
    case unknownConnection = "UNKNOWN_CONNECTION"
    case wrongConnectionType = "WRONG_CONNECTION_TYPE"
    case missingParameter = "MISSING_PARAMETER"
    case invalidTemplate = "INVALID_TEMPLATE"
    // Warnings.
    case nodeWithoutDescription = "NODE_WITHOUT_DESCRIPTION"
    case extractorReachesNoLoader = "EXTRACTOR_REACHES_NO_LOADER"

    /// Whether a finding with this code makes the pipeline invalid.
    public var isError: Bool { self != .nodeWithoutDescription && self != .extractorReachesNoLoader }
}
