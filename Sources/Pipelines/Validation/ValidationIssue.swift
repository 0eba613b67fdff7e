/// One finding of the validator: a stable code, the node it is about, where in the document
/// (a JSON path such as `$.nodes[2].config.conditions[0].operator`) and a sentence for people.
public struct ValidationIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    public var code: ValidationCode
    public var nodeID: String?
    public var path: String
    public var message: String

    public init(_ code: ValidationCode, nodeID: String?, path: String, message: String) {
        self.code = code
        self.nodeID = nodeID
        self.path = path
        self.message = message
    }

    public var isError: Bool { code.isError }

    public var description: String { "\(code.rawValue) at \(path): \(message)" }

    private enum CodingKeys: String, CodingKey {
        case code, path, message
        case nodeID = "node_id"
    }
}

/// The validator's answer, as `POST /pipelines/{id}/validate` returns it.
public struct ValidationReport: Sendable, Hashable, Codable {
    public var errors: [ValidationIssue]
    public var warnings: [ValidationIssue]

    public init(issues: [ValidationIssue]) {
        errors = issues.filter(\.isError)
        warnings = issues.filter { !$0.isError }
    }

    public var isValid: Bool { errors.isEmpty }

    /// `{valid, errors, warnings}` with each finding as `{code, node_id, path, message}`.
    public var jsonValue: JSONValue {
        func issue(_ issue: ValidationIssue) -> JSONValue {
            .object([
                "code": .string(issue.code.rawValue), "node_id": issue.nodeID.map(JSONValue.string) ?? .null,
                "path": .string(issue.path), "message": .string(issue.message),
            ])
        }
        return .object(["valid": .bool(isValid), "errors": .array(errors.map(issue)), "warnings": .array(warnings.map(issue))])
    }
}
