import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Pipelines

/// The result of testing an `http` connection: what `POST /connections/{id}/test` reports.
public struct HTTPConnectionTestResult: ConnectionCheckOutcome, Hashable {
    public var succeeded: Bool
    /// The round trip of the request, in milliseconds (success only).
    public var latencyMilliseconds: Int?
    /// The status the server answered (`200 OK`), when it answered.
    public var status: String?
    /// Why it failed, with secrets hidden.
    public var message: String?
    /// The stable error code of the failure.
    public var errorCode: String?

    /// The answer's status is the sentence's detail: `Connection successful (200 OK)`.
    public var successMessage: String { status.map { "Connection successful (\($0))" } ?? "Connection successful" }
}

/// Sends `GET base_url` with the connection's headers and credentials. The connection works
/// when the server answers without refusing the credentials (401, 403) or failing (5xx): a base
/// URL that is not itself a resource (404) still proves the host and the credentials path.
public enum HTTPConnectionTest {
    /// Tests the connection `name` of type http with `config` (secrets decrypted).
    public static func run(name: String, config: [String: JSONValue]) async -> HTTPConnectionTestResult {
        let settings: HTTPConnectionSettings
        let urls: RequestURLs
        do throws(HTTPSourceError) {
            settings = try HTTPConnectionSettings(ResolvedConnection(id: name, name: name, type: "http", config: config))
            guard let baseURL = settings.baseURL else {
                throw HTTPSourceError(.invalidConfig, "connection \"\(name)\" has no base_url to test")
            }
            urls = try RequestURLs(url: "", baseURL: baseURL, query: [])
        } catch {
            return HTTPConnectionTestResult(succeeded: false, message: error.message, errorCode: error.code.rawValue)
        }
        let redactor = SecretRedactor(secrets: settings.auth.secrets)
        let shown = redactor.redact(RequestURLs.display(urls.base))
        let headers = settings.requestHeaders([:], jsonBody: false)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let status = try await withSourceClient(headers: headers, timeout: timeout) { client in
                var request = HTTPClientRequest(url: urls.base.absoluteString)
                request.headers = headers
                return try await client.execute(request, timeout: timeout).status
            }
            let answer = "\(status.code) \(status.reasonPhrase)"
            guard status.code < 500, status.code != 401, status.code != 403 else {
                return HTTPConnectionTestResult(
                    succeeded: false, status: answer, message: "GET \(shown) answered \(answer)", errorCode: HTTPSourceError.Code.httpStatus.rawValue)
            }
            return HTTPConnectionTestResult(succeeded: true, latencyMilliseconds: (clock.now - start).wholeMilliseconds, status: answer)
        } catch {
            return HTTPConnectionTestResult(
                succeeded: false, message: "GET \(shown): \(redactor.redact(String(describing: error)))", errorCode: HTTPSourceError.Code.unreachable.rawValue)
        }
    }

    /// How long the test waits for an answer.
    static let timeout = TimeAmount.seconds(10)
}
