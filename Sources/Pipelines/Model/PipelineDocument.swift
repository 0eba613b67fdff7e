/// A pipeline as a file holds it for `etl-builder run` and `validate`: either the API's create
/// request (`name`, `config`, `default_params`) or a bare config (`nodes`, `edges`, optionally
/// `default_params` beside them).
public struct PipelineDocument: Sendable {
    public var name: String
    public var config: JSONValue
    public var defaultParameters: [String: JSONValue]

    public init(name: String, config: JSONValue, defaultParameters: [String: JSONValue]) {
        self.name = name
        self.config = config
        self.defaultParameters = defaultParameters
    }

    /// Splits a document into name, config and default parameters.
    public init(json: JSONValue, fallbackName: String) {
        let config = json["config"] ?? json
        self.init(
            name: json["name"]?.stringValue ?? fallbackName, config: config,
            defaultParameters: (json["default_params"] ?? config["default_params"])?.objectValue ?? [:])
    }
}
