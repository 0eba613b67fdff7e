import Connectors
import Foundation
import NIOCore
import NIOHTTP1
import Pipelines

/// Streams a REST/JSON source into batches, one page at a time: each page's records (at
/// `records_path`) are flattened and batched before the next page is asked for, so memory holds
/// one page and one batch however many pages there are.
struct HTTPExtractor: NodeOperator {
    var source: HTTPSource
    var setup: NodeSetup

    func run(_ context: NodeContext) async throws {
        var connection = HTTPConnectionSettings.none
        if let reference = source.connectionReference { connection = try HTTPConnectionSettings(try await setup.connection(reference)) }
        let urls = try RequestURLs(url: source.url, baseURL: connection.baseURL, query: source.query)
        let timeout = TimeAmount.milliseconds(Int64(source.timeoutSeconds * 1000))
        let headers = connection.requestHeaders(source.headers, jsonBody: source.body != nil)
        try await withSourceClient(headers: headers, timeout: timeout) { client in
            let fetcher = PageFetcher(
                client: client, method: source.method, headers: headers, body: source.body.map { ByteBuffer(string: $0.canonicalText) },
                timeout: timeout, retry: source.retry, redactor: source.redactor(with: connection))
            try await extract(urls: urls, fetcher: fetcher, context: context)
        }
    }

    private func extract(urls: RequestURLs, fetcher: PageFetcher, context: NodeContext) async throws {
        var paginator = Paginator(source.pagination)
        var batcher = JSONRecordBatcher(declared: source.declared)
        var step = paginator.first
        var current = urls.base
        var bytes = 0
        var received = 0
        var totalRecords: Double?
        while case .fetch(let target) = step, !context.output.isClosed {
            current = try urls.url(for: target, after: current)
            let page = try await fetcher.fetch(current, context: context)
            let shown = fetcher.redactor.redact(RequestURLs.display(current))
            let records = try records(in: page.document, shown: shown)
            for record in records {
                if let batch = try batcher.add(source.flattening.apply(record), context: context) { try await context.output.emit(batch) }
            }
            bytes += page.bytes
            received += records.count
            step = try paginator.next(after: PageSummary(recordCount: records.count, document: page.document, linkHeaders: page.headers[canonicalForm: "Link"].map(String.init)))
            context.log(
                .debug, "Fetched page \(paginator.pagesFetched) (\(records.count) records) from \(source.method) \(shown)",
                metadata: ["page": .integer(Int64(paginator.pagesFetched)), "records": .integer(Int64(records.count)), "bytes": .integer(Int64(page.bytes))])
            if totalRecords == nil { totalRecords = total(in: page.document) }
            if let totalRecords {
                context.reportProgress(Double(received) / totalRecords)
            } else if let maxPages = source.pagination.maxPages {
                context.reportProgress(Double(paginator.pagesFetched) / Double(maxPages))
            }
        }
        if let batch = try batcher.finish(context: context) { try await context.output.emit(batch) }
        context.reportProgress(1)
        let ending = if case .stop(let reason) = step { "; \(reason)" } else { "" }
        context.log(
            .info, "Extracted \(batcher.rows) rows from \(paginator.pagesFetched) page(s) of \(fetcher.redactor.redact(RequestURLs.display(urls.base)))\(ending)",
            metadata: ["rows": .integer(batcher.rows), "pages": .integer(Int64(paginator.pagesFetched)), "bytes": .integer(Int64(bytes))])
    }

    /// The records of a page: the array at `records_path`, null or an empty body as none, and a
    /// single object as one record when the source is not paginated.
    private func records(in document: JSONValue, shown: String) throws(HTTPSourceError) -> [JSONValue] {
        guard let found = source.recordsPath.value(in: document) else {
            throw HTTPSourceError(.badResponse, "\(source.method) \(shown): the response has no \(source.recordsPath)")
        }
        switch found {
        case .array(let items): return items
        case .object where source.pagination.kind == .none: return [found]
        case .null: return []
        default:
            let path = source.recordsPath.isEmpty ? "the response" : "\(source.recordsPath) in the response"
            throw HTTPSourceError(.badResponse, "\(source.method) \(shown): \(path) is not an array of objects")
        }
    }

    /// The total number of records the response announces at `pagination.total_path`.
    private func total(in document: JSONValue) -> Double? {
        switch source.pagination.totalPath.flatMap({ $0.value(in: document) }) {
        case .integer(let count)? where count > 0: Double(count)
        case .double(let count)? where count > 0: count
        default: nil
        }
    }
}
