import Foundation

/// The URLs of one node's requests: its `url` (absolute, or joined to the connection's
/// `base_url`) with the node's `query`, and each page's parameters on top. Next links may not
/// leave the origin, so credentials go only where the node was told to send them.
struct RequestURLs: Sendable {
    /// The node's URL with its `query`.
    let base: URL

    /// Resolves `url` against `baseURL` (`https://api.example.com/v1` + `users` →
    /// `https://api.example.com/v1/users`) and sets `query` on it.
    init(url: String, baseURL: String?, query: [QueryParameter]) throws(HTTPSourceError) {
        let joined: String
        if let baseURL, !url.contains("://") {
            let head = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            let tail = url.hasPrefix("/") ? String(url.dropFirst()) : url
            joined = tail.isEmpty ? head : head + "/" + tail
        } else {
            joined = url
        }
        guard let parsed = URL(string: joined), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme), parsed.host?.isEmpty == false else {
            let hint = baseURL == nil && !url.contains("://") ? " (a relative url needs a connection with base_url)" : ""
            throw HTTPSourceError(.invalidConfig, "url \(Self.display(URL(string: joined)) ?? "\"\(url)\"") is not an absolute http(s) URL\(hint)")
        }
        base = Self.setting(query, on: parsed)
    }

    /// The URL of `target`, a page after the one at `current`.
    func url(for target: PageTarget, after current: URL) throws(HTTPSourceError) -> URL {
        switch target {
        case .query(let parameters):
            return Self.setting(parameters, on: base)
        case .link(let text):
            guard let next = URL(string: text, relativeTo: current)?.absoluteURL, Self.origin(next) == Self.origin(base) else {
                throw HTTPSourceError(
                    .pagination, "the next link \(Self.display(URL(string: text)) ?? "\"\(text)\"") leaves \(Self.origin(base)); credentials are sent to that origin only")
            }
            return next
        }
    }

    /// `url` for people: without user info, and with the values of credential-looking query
    /// parameters (`api_key`, `token`…) replaced by `***`.
    static func display(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return "<url>" }
        components.user = nil
        components.password = nil
        components.percentEncodedQueryItems = components.percentEncodedQueryItems?.map { item in
            SecretRedactor.isCredentialName(item.name) ? URLQueryItem(name: item.name, value: "***") : item
        }
        return components.string ?? "<url>"
    }

    /// ``display(_:)`` of an optional URL.
    static func display(_ url: URL?) -> String? { url.map { display($0) } }

    /// `url` with `parameters` set, replacing those of the same names.
    private static func setting(_ parameters: [QueryParameter], on url: URL) -> URL {
        guard !parameters.isEmpty, var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url }
        let names = Set(parameters.map(\.name))
        let kept = (components.percentEncodedQueryItems ?? []).filter { item in !names.contains(item.name.removingPercentEncoding ?? item.name) }
        components.percentEncodedQueryItems = kept + parameters.map { URLQueryItem(name: encode($0.name), value: encode($0.value)) }
        return components.url ?? url
    }

    /// RFC 3986 unreserved characters are the only ones left as they are: `+`, `&`, `=` and the
    /// rest are percent-encoded so every server reads the value back exactly.
    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `scheme://host:port`, with the scheme's default port when none is given.
    private static func origin(_ url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }
}
