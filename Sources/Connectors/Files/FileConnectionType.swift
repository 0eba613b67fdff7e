import Pipelines

extension ConnectionType {
    /// `file`: a local directory (`path`, absolute).
    public static let file = ConnectionType(
        name: "file",
        schema: [
            "type": "object", "properties": ["path": ["type": "string"]], "required": ["path"], "additionalProperties": false,
        ],
        rules: { config in
            guard let path = config["path"]?.stringValue, !path.hasPrefix("/") else { return [] }
            return [ConnectionConfigProblem(path: "config.path", message: "path must be absolute, not \"\(path)\"")]
        })
}
