import NIOHTTP1

/// One S3 call before signing: what to do, to which bucket and key, with which query, headers
/// and payload.
struct S3Request: Sendable {
    /// The API name for messages (`PutObject`).
    var operation: String
    var method: HTTPMethod
    var bucket: String
    /// Nil for bucket-level calls.
    var key: String?
    var query: [(String, String)] = []
    var headers: [(String, String)] = []
    var body: [UInt8] = []
    /// The call may answer 200 with an `<Error>` body (CompleteMultipartUpload does).
    var errorMayHide200 = false
    /// How long one try may take.
    var timeout: Duration = .seconds(300)

    /// `bucket/key` or `bucket`, for messages.
    var resource: String { key.map { "\(bucket)/\($0)" } ?? bucket }

    /// The host and the path, as the configuration addresses `bucket`.
    func target(_ configuration: S3Configuration) -> (host: String, path: String) {
        let keyPath = "/" + (key ?? "")
        if configuration.usesPathStyle(for: bucket) {
            return (configuration.endpoint.host, "/" + bucket + (key == nil ? "" : keyPath))
        }
        return (bucket + "." + configuration.endpoint.host, keyPath)
    }
}
