import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Runs `body` with an HTTP client for requests that carry `headers`, and shuts the client down
/// after, whatever happens.
///
/// Redirects are followed, up to 5, unless credentials travel in a header other than
/// `Authorization`: the client drops that one on a redirect to another origin, but it cannot
/// know that `X-API-Key` is a secret too. Then a redirect comes back as the 3xx answer it is.
func withSourceClient<T>(headers: HTTPHeaders, timeout: TimeAmount, _ body: (HTTPClient) async throws -> T) async throws -> T {
    let otherCredentials = headers.contains { $0.name.lowercased() != "authorization" && SecretRedactor.isCredentialName($0.name) }
    let client = HTTPClient(
        configuration: HTTPClient.Configuration(
            redirectConfiguration: otherCredentials ? .disallow : .follow(max: 5, allowCycles: false),
            timeout: HTTPClient.Configuration.Timeout(connect: timeout, read: timeout)))
    do {
        let result = try await body(client)
        try await client.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        throw error
    }
}
