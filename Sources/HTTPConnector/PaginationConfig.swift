import Pipelines

/// How the extractor walks through pages (config `pagination`).
struct PaginationConfig: Sendable, Hashable {
    /// The walking strategy (`pagination.type`).
    enum Kind: String, Sendable, CaseIterable {
        /// One request.
        case none
        /// `?page=N`, counting from `start_page`, until a page is empty.
        case page
        /// `?offset=N&limit=M`, the offset moving by the records received, until a page is empty.
        case offset
        /// `?cursor=C` with C read from the previous response at `cursor_path`, until there is none.
        case cursor
        /// The `Link: <…>; rel="next"` header's URL, until there is none.
        case linkHeader = "link_header"
    }

    var kind: Kind = .none
    var pageParam = "page"
    var startPage = 1
    /// Sent with `page_size` on page, cursor and link-header walks when set.
    var sizeParam: String?
    /// Records asked per page: the `limit` of offset walks (default 100), else sent as `size_param`.
    var pageSize: Int?
    var offsetParam = "offset"
    var limitParam = "limit"
    var cursorParam = "cursor"
    var cursorPath = DotPath("")
    /// Where the response tells the total number of records, for progress.
    var totalPath: DotPath?
    var maxPages: Int?

    /// The walk of `config`'s `pagination` object (absent: one request).
    init(_ config: ModuleConfig) throws(ModuleConfigError) {
        guard let value = config["pagination"] else { return }
        guard let object = value.objectValue else { throw ModuleConfigError(key: "pagination", message: "must be an object") }
        let settings = ModuleConfig(object)
        do throws(ModuleConfigError) {
            let typeName = try settings.string("type") ?? "none"
            guard let kind = Kind(rawValue: typeName) else {
                throw ModuleConfigError(key: "type", message: "must be one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.kind = kind
            pageParam = try settings.string("page_param") ?? pageParam
            startPage = try settings.integer("start_page") ?? startPage
            sizeParam = try settings.string("size_param")
            pageSize = try settings.integer("page_size")
            offsetParam = try settings.string("offset_param") ?? offsetParam
            limitParam = try settings.string("limit_param") ?? limitParam
            cursorParam = try settings.string("cursor_param") ?? cursorParam
            cursorPath = DotPath(try settings.string("cursor_path") ?? "")
            totalPath = try settings.string("total_path").map(DotPath.init)
            maxPages = try settings.integer("max_pages")
            if kind == .cursor, cursorPath.isEmpty { throw ModuleConfigError(key: "cursor_path", message: "is required for cursor pagination") }
        } catch {
            throw ModuleConfigError(key: "pagination." + error.key, message: error.message)
        }
    }
}
