/// A 1-based page request. The store clamps nothing silently: ``init(page:pageSize:)``
/// rejects values below 1; the API layer applies its own maximum (100) before calling.
public struct PageRequest: Sendable, Hashable, Codable {
    /// 1-based page number.
    public var page: Int
    /// Items per page.
    public var pageSize: Int

    public init(page: Int = 1, pageSize: Int = 20) {
        self.page = page
        self.pageSize = pageSize
    }

    /// Rows to skip.
    public var offset: Int { (page - 1) * pageSize }

    func validated() throws(StoreError) -> PageRequest {
        guard page >= 1 else { throw .invalidArgument("page must be at least 1 (got \(page))") }
        guard pageSize >= 1 else { throw .invalidArgument("page_size must be at least 1 (got \(pageSize))") }
        return self
    }
}

/// One page of results plus the total number of matching rows.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    /// Rows matching the filters, over all pages.
    public var total: Int
    public var page: Int
    public var pageSize: Int

    public init(items: [Item], total: Int, page: Int, pageSize: Int) {
        self.items = items
        self.total = total
        self.page = page
        self.pageSize = pageSize
    }

    /// `ceil(total / pageSize)`; 0 when there is nothing.
    public var totalPages: Int { pageSize > 0 ? (total + pageSize - 1) / pageSize : 0 }
}

extension Page: Equatable where Item: Equatable {}
extension Page: Codable where Item: Codable {}
