import Foundation
import Testing

@testable import HTTPConnector

/// The small parsers behind the extractor: Link headers, Retry-After, URLs shown to people.
@Suite struct ParsingTests {
    @Test func linkHeaderFindsTheNextRelationAmongOthers() {
        #expect(LinkHeader.next(in: [#"<https://a.example/x?page=1>; rel="prev", <https://a.example/x?page=3>; rel="next""#]) == "https://a.example/x?page=3")
        #expect(LinkHeader.next(in: [#"</items?page=1>; rel="first""#, #"</items?page=2>; rel="next last""#]) == "/items?page=2")
        #expect(LinkHeader.next(in: [#"</items?page=9>; rel=last"#]) == nil)
        #expect(LinkHeader.next(in: []) == nil)
    }

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryPolicy.retryAfterSeconds("2", now: now) == 2)
        #expect(RetryPolicy.retryAfterSeconds("Sun, 06 Nov 1994 08:49:47 GMT", now: now) == 10)
        #expect(RetryPolicy.retryAfterSeconds("Sunday, 06-Nov-94 08:49:37 GMT", now: now) == 0)
        #expect(RetryPolicy.retryAfterSeconds("Sun, 06 Nov 1994 08:49:00 GMT", now: now) == 0)
        #expect(RetryPolicy.retryAfterSeconds("soon", now: now) == nil)
    }

    @Test func backoffDoublesWithJitterUpToTheCap() {
        let policy = RetryPolicy(maxRetries: 5, backoff: 1)
        for retry in 1...8 {
            let delay = policy.backoffDelay(retry: retry)
            let full = min(RetryPolicy.longestBackoff, pow(2, Double(retry - 1)))
            #expect(delay >= full / 2 && delay <= full)
        }
    }

    @Test func shownURLsHideUserInfoAndCredentialParameters() throws {
        let url = try #require(URL(string: "https://bob:hunter2@api.example/v1/items?api_key=abc&page=2"))
        #expect(RequestURLs.display(url) == "https://api.example/v1/items?api_key=***&page=2")
    }

    @Test func relativeURLsJoinTheBaseURLAndLinksStayOnItsOrigin() throws {
        let urls = try RequestURLs(url: "/items", baseURL: "https://api.example/v1/", query: [QueryParameter(name: "q", value: "a b")])
        #expect(urls.base.absoluteString == "https://api.example/v1/items?q=a%20b")
        let next = try urls.url(for: .link("/v1/items?page=2"), after: urls.base)
        #expect(next.absoluteString == "https://api.example/v1/items?page=2")
        #expect(throws: HTTPSourceError.self) { try urls.url(for: .link("https://elsewhere.example/steal"), after: urls.base) }
        #expect(throws: HTTPSourceError.self) { try RequestURLs(url: "items", baseURL: nil, query: []) }
    }

    @Test func secretsAreRedactedWhereverTheyAppear() {
        let redactor = SecretRedactor(secrets: ["tok", "token-123", ""])
        #expect(redactor.redact("Bearer token-123 and tok") == "Bearer *** and ***")
    }
}
