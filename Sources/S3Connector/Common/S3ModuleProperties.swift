import Pipelines

/// Config properties both S3 modules share.
enum S3ModuleProperties {
    static let connection: JSONValue = [
        "type": "string", "title": "Connection",
        "description": "The id or name of an s3 connection; without it the AWS environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION, AWS_ENDPOINT_URL) is used",
    ]
    static let bucket: JSONValue = ["type": "string", "title": "Bucket"]
}
