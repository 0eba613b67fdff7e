/// Why an S3 call failed, with the service's own code and message when it sent them.
public enum S3Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// The service answered with an error: HTTP status, S3 error code (`NoSuchBucket`,
    /// `AccessDenied`, `SlowDown`…) and message from the XML body when there was one.
    case service(status: Int, code: String?, message: String?, operation: String, resource: String)
    /// The request never got an answer (connection refused, timeout, reset).
    case transport(operation: String, resource: String, detail: String)
    /// The answer could not be understood.
    case invalidResponse(operation: String, detail: String)
    /// Bad input: an empty bucket name, an unusable endpoint URL, missing credentials.
    case invalidRequest(String)

    /// The S3 error code, when the service sent one.
    public var code: String? {
        if case .service(_, let code, _, _, _) = self { return code }
        return nil
    }

    /// The HTTP status, for service errors.
    public var status: Int? {
        if case .service(let status, _, _, _, _) = self { return status }
        return nil
    }

    public var description: String {
        switch self {
        case .service(let status, let code, let message, let operation, let resource):
            let what = [code, message].compactMap { $0 }.joined(separator: ": ")
            return "S3 \(operation) \(resource) failed with HTTP \(status)" + (what.isEmpty ? "" : " (\(what))")
        case .transport(let operation, let resource, let detail): return "S3 \(operation) \(resource) got no answer: \(detail)"
        case .invalidResponse(let operation, let detail): return "S3 \(operation) answered something unexpected: \(detail)"
        case .invalidRequest(let detail): return "S3: \(detail)"
        }
    }

    /// The service error that `body` (an `<Error>` document, possibly empty) describes.
    static func service(status: Int, body: String, operation: String, resource: String) -> S3Error {
        let xml = XMLElements(body)
        return .service(status: status, code: xml.value("Code"), message: xml.value("Message"), operation: operation, resource: resource)
    }
}
