import Hummingbird
import Store

/// The `page` and `page_size` query parameters of a list route, checked: `page` ≥ 1,
/// `1 ≤ page_size ≤ maximum` (422 naming the parameter otherwise).
struct PageQuery: Sendable {
    /// The defaults of the API document: page 1 of 20, at most 100.
    static let standard = PageQuery(defaultSize: 20, maximumSize: 100)

    let defaultSize: Int
    let maximumSize: Int

    /// The page requested by `request`.
    func request(from request: Request) throws(APIError) -> PageRequest {
        let query = request.uri.queryParameters
        var problems: [FieldProblem] = []
        let page = QueryParameters.integer("page", in: query, default: 1, range: 1...Int(Int32.max), problems: &problems)
        let size = QueryParameters.integer(
            "page_size", in: query, default: defaultSize, range: 1...maximumSize, problems: &problems)
        guard problems.isEmpty else { throw .validation(problems) }
        return PageRequest(page: page, pageSize: size)
    }
}

/// Parsing of query parameters into typed values, collecting problems as `query.<name>` paths.
enum QueryParameters {
    /// The integer parameter `name` in `range`, or `fallback` when absent.
    static func integer(
        _ name: String, in query: Parameters, default fallback: Int, range: ClosedRange<Int>, problems: inout [FieldProblem]
    ) -> Int {
        guard let text = query.get(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            problems.append(FieldProblem("query.\(name)", "must be an integer between \(range.lowerBound) and \(range.upperBound)"))
            return fallback
        }
        return value
    }

    /// The enumerated parameter `name`, or nil when absent.
    static func choice<T: RawRepresentable & CaseIterable>(
        _ name: String, in query: Parameters, as type: T.Type, problems: inout [FieldProblem]
    ) -> T? where T.RawValue == String {
        guard let text = query.get(name) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(FieldProblem("query.\(name)", "must be one of \(allowed)"))
            return nil
        }
        return value
    }
}
