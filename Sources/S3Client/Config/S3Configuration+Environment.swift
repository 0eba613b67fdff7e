extension S3Configuration {
    /// The standard AWS environment: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
    /// `AWS_SESSION_TOKEN`, `AWS_REGION` (else `AWS_DEFAULT_REGION`, else `us-east-1`),
    /// `AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL`, and `AWS_S3_FORCE_PATH_STYLE=true`.
    public init(environment: [String: String]) throws(S3Error) {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let keyID = value("AWS_ACCESS_KEY_ID"), let secret = value("AWS_SECRET_ACCESS_KEY") else {
            throw .invalidRequest("no connection_id and no AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment")
        }
        try self.init(
            credentials: S3Credentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN")),
            region: value("AWS_REGION") ?? value("AWS_DEFAULT_REGION") ?? "us-east-1",
            endpointURL: value("AWS_ENDPOINT_URL_S3") ?? value("AWS_ENDPOINT_URL"),
            forcePathStyle: value("AWS_S3_FORCE_PATH_STYLE") == "true")
    }

    /// A configuration with the endpoint given as a URL (`http://127.0.0.1:9000`), nil for AWS.
    public init(credentials: S3Credentials, region: String, endpointURL: String?, forcePathStyle: Bool) throws(S3Error) {
        var endpoint: S3Endpoint?
        if let endpointURL {
            guard let parsed = S3Endpoint(url: endpointURL) else {
                throw .invalidRequest("endpoint \(endpointURL) is not an http(s)://host[:port] URL")
            }
            endpoint = parsed
        }
        self.init(credentials: credentials, region: region, endpoint: endpoint, forcePathStyle: forcePathStyle)
    }
}
