import HTTPTypes
import Hummingbird
import Store

/// Headers of every paginated response: `X-Total-Count`, `X-Page`, `X-Page-Size`, `X-Total-Pages`.
enum PaginationHeaders {
    /// The headers describing `page`.
    static func fields(for page: Page<some Sendable>) -> HTTPFields {
        [
            .xTotalCount: String(page.total),
            .xPage: String(page.page),
            .xPageSize: String(page.pageSize),
            .xTotalPages: String(page.totalPages),
        ]
    }
}

extension HTTPField.Name {
    /// `X-Total-Count`: items matching the filters, over all pages.
    static let xTotalCount = HTTPField.Name("X-Total-Count")!
    /// `X-Page`: the 1-based page returned.
    static let xPage = HTTPField.Name("X-Page")!
    /// `X-Page-Size`: items per page.
    static let xPageSize = HTTPField.Name("X-Page-Size")!
    /// `X-Total-Pages`: number of pages.
    static let xTotalPages = HTTPField.Name("X-Total-Pages")!
}
