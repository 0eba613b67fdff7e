import Pipelines
import S3Client

extension ConnectionType {
    /// `s3`: an S3 or S3-compatible service, by access key pair (+ `session_token` for temporary
    /// credentials), `region`, `endpoint_url` (empty for AWS) and `force_path_style`; `bucket`
    /// names the bucket the connection test checks (HeadBucket).
    public static let s3 = ConnectionType(
        name: "s3",
        schema: [
            "type": "object",
            "properties": [
                "access_key_id": ["type": "string"], "secret_access_key": ["type": "string"], "session_token": ["type": "string"],
                "region": ["type": "string"], "endpoint_url": ["type": "string"], "force_path_style": ["type": "boolean"],
                "bucket": ["type": "string"],
            ],
            "required": ["access_key_id", "secret_access_key"],
            "additionalProperties": false,
        ],
        rules: { config in
            guard let url = config["endpoint_url"]?.stringValue, !url.isEmpty, S3Endpoint(url: url) == nil else { return [] }
            return [ConnectionConfigProblem(path: "config.endpoint_url", message: "endpoint_url must be http(s)://host[:port], not \"\(url)\"")]
        })
}
