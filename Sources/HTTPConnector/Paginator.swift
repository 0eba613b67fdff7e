import Pipelines

/// A query parameter a page request sets on the node's URL.
struct QueryParameter: Sendable, Hashable {
    var name: String
    var value: String
}

/// Where the next page is.
enum PageTarget: Sendable, Hashable {
    /// The node's URL with these parameters set (replacing any of the same name).
    case query([QueryParameter])
    /// A URL the server gave in a `Link: <…>; rel="next"` header, absolute or relative to the page's.
    case link(String)
}

/// The walk's next move.
enum PageStep: Sendable, Hashable {
    case fetch(PageTarget)
    /// The walk is over, and why (for the log).
    case stop(reason: String)
}

/// What a fetched page tells the walk.
struct PageSummary {
    var recordCount: Int
    var document: JSONValue
    /// The values of the response's `Link` headers.
    var linkHeaders: [String]
}

/// The state machine of a page walk: the first request, then after each page either the next
/// request or the end. A page without records ends every walk, and so does `max_pages`.
struct Paginator {
    let config: PaginationConfig
    private(set) var pagesFetched = 0
    private var page: Int
    private var offset = 0
    private var cursor: String?
    private var link: String?
    /// The hash of the last page of a page or offset walk: a server that ignores the page
    /// parameters sends the same page again, which must not loop forever.
    private var lastPageHash: Int?

    init(_ config: PaginationConfig) {
        self.config = config
        page = config.startPage
    }

    /// The first request.
    var first: PageStep {
        switch config.kind {
        case .none: .fetch(.query([]))
        case .page: .fetch(.query([QueryParameter(name: config.pageParam, value: String(page))] + sizeParameters))
        case .offset: .fetch(.query(offsetParameters))
        case .cursor, .linkHeader: .fetch(.query(sizeParameters))
        }
    }

    /// The step after a page described by `summary`.
    mutating func next(after summary: PageSummary) throws(HTTPSourceError) -> PageStep {
        pagesFetched += 1
        if summary.recordCount == 0 { return .stop(reason: "page \(pagesFetched) was empty") }
        if let maxPages = config.maxPages, pagesFetched >= maxPages { return .stop(reason: "max_pages (\(maxPages)) reached") }
        switch config.kind {
        case .none:
            return .stop(reason: "the source is not paginated")
        case .page, .offset:
            let hash = summary.document.hashValue
            guard hash != lastPageHash else {
                throw HTTPSourceError(.pagination, "page \(pagesFetched) is the same as the page before it; does the server read \(config.kind == .page ? config.pageParam : config.offsetParam)?")
            }
            lastPageHash = hash
            page += 1
            offset += summary.recordCount
            return config.kind == .page ? first : .fetch(.query(offsetParameters))
        case .cursor:
            guard let next = Self.cursorText(config.cursorPath.value(in: summary.document)) else {
                return .stop(reason: "no next cursor at \(config.cursorPath)")
            }
            guard next != cursor else {
                throw HTTPSourceError(.pagination, "the cursor at \(config.cursorPath) did not change after page \(pagesFetched); stopping rather than looping")
            }
            cursor = next
            return .fetch(.query([QueryParameter(name: config.cursorParam, value: next)] + sizeParameters))
        case .linkHeader:
            guard let next = LinkHeader.next(in: summary.linkHeaders) else { return .stop(reason: "no Link header with rel=\"next\"") }
            guard next != link else {
                throw HTTPSourceError(.pagination, "the next link did not change after page \(pagesFetched); stopping rather than looping")
            }
            link = next
            return .fetch(.link(next))
        }
    }

    private var sizeParameters: [QueryParameter] {
        guard let name = config.sizeParam, let size = config.pageSize else { return [] }
        return [QueryParameter(name: name, value: String(size))]
    }

    private var offsetParameters: [QueryParameter] {
        [
            QueryParameter(name: config.offsetParam, value: String(offset)),
            QueryParameter(name: config.limitParam, value: String(config.pageSize ?? 100)),
        ]
    }

    /// A cursor as sent back: strings as they are, numbers in JSON; nil for absent, null or empty.
    private static func cursorText(_ value: JSONValue?) -> String? {
        switch value {
        case nil, .null?: nil
        case .string(let text)?: text.isEmpty ? nil : text
        case let other?: other.canonicalText
        }
    }
}
