import Pipelines

extension ConnectionType {
    /// `http`: a REST API's `base_url`, default `headers`, and credentials by `auth_type`
    /// (`bearer` with `token`, `basic` with `username` and `password`, `api_key` with `api_key`
    /// sent in `api_key_header`, default `X-API-Key`). Token, password and API key are secrets.
    public static let http = ConnectionType(
        name: "http",
        schema: [
            "type": "object", "additionalProperties": false,
            "properties": [
                "base_url": ["type": "string"],
                "headers": ["type": "object", "additionalProperties": ["type": "string"]],
                "auth_type": ["type": "string", "enum": ["none", "bearer", "basic", "api_key"]],
                "token": ["type": "string"], "username": ["type": "string"], "password": ["type": "string"],
                "api_key_header": ["type": "string"], "api_key": ["type": "string"],
            ],
        ],
        rules: { config in
            var problems: [ConnectionConfigProblem] = []
            if let base = config["base_url"]?.stringValue, (try? RequestURLs(url: "", baseURL: base, query: [])) == nil {
                problems.append(ConnectionConfigProblem(path: "config.base_url", message: "base_url must be an absolute http(s) URL"))
            }
            let authType = config["auth_type"]?.stringValue ?? "none"
            for field in HTTPAuth.requiredFields[authType] ?? [] where config[field]?.stringValue?.isEmpty ?? true {
                problems.append(ConnectionConfigProblem(path: "config.\(field)", message: "\(field) is required with auth_type \(authType)"))
            }
            return problems
        })
}
