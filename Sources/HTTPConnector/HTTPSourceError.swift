/// Why an `http` extractor failed. Every message names the request (method and URL with its
/// secrets hidden) so the execution's error says what to fix; none contains a credential.
struct HTTPSourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    enum Code: String, Sendable, Hashable {
        /// The node or its connection is configured in a way that cannot work.
        case invalidConfig = "http_invalid_config"
        /// The server answered with a status that is not retried (4xx other than 429).
        case httpStatus = "http_status"
        /// Throttling, 5xx answers or transport failures outlasted `max_retries`.
        case retriesExhausted = "http_retries_exhausted"
        /// The server asked to wait longer than the extractor is willing to.
        case retryAfterTooLong = "http_retry_after_too_long"
        /// The response is not JSON, too large, or has no records where `records_path` points.
        case badResponse = "http_bad_response"
        /// The server could not be reached at all (a connection test).
        case unreachable = "http_unreachable"
        /// Pagination cannot go on safely: a cursor that does not move, a next link to another origin.
        case pagination = "http_pagination"
    }

    /// A stable code for programs.
    var code: Code
    /// A sentence for people, with secrets already hidden.
    var message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    var description: String { message }
}
