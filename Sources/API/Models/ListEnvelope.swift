import Store

/// The body of a paginated list: `{"<items>": […], "total": 42, "page": 1, "page_size": 20}`,
/// plus `total_pages` where the API document shows it. One type serves every list route; only the
/// name of the items field differs.
struct ListEnvelope<Item: Encodable & Sendable>: Encodable, Sendable {
    /// The name of the array field (`pipelines`, `executions`, `logs`…).
    let itemsKey: String
    let page: Page<Item>
    /// Which of the paging fields the document shows for this list.
    let fields: Fields

    enum Fields: Sendable {
        /// `total`, `page`, `page_size`, `total_pages` (pipelines, connections, users).
        case full
        /// `total`, `page`, `page_size` (executions).
        case withoutTotalPages
        /// `total` only (logs).
        case totalOnly
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(page.items, forKey: Key(stringValue: itemsKey))
        try container.encode(page.total, forKey: Key(stringValue: "total"))
        if case .totalOnly = fields { return }
        try container.encode(page.page, forKey: Key(stringValue: "page"))
        try container.encode(page.pageSize, forKey: Key(stringValue: "page_size"))
        if case .full = fields { try container.encode(page.totalPages, forKey: Key(stringValue: "total_pages")) }
    }
}
