import Hummingbird
import Synchronization

/// The operations a router serves — `(method, path template)` pairs such as
/// `GET /api/v1/pipelines/{pipeline_id}` — to answer 405 with `Allow` instead of 404 when only the
/// method is wrong, and to compare the router with the OpenAPI document.
public struct RouteIndex: Sendable {
    /// One operation.
    public struct Operation: Sendable, Hashable, CustomStringConvertible {
        /// The HTTP method.
        public var method: HTTPRequest.Method
        /// The path template, parameters written `{name}` as in OpenAPI.
        public var path: String

        /// `GET /api/v1/pipelines`.
        public var description: String { "\(method.rawValue) \(path)" }
    }

    /// Every operation, in registration order of their paths.
    public let operations: [Operation]
    private let templates: [(segments: [Substring], methods: Set<HTTPRequest.Method>)]

    /// The operations of `router`.
    public init(router: Router<some RequestContext>) {
        self.init(operations: router.routes.map { Operation(method: $0.method, path: $0.path.description) })
    }

    init(operations: [Operation]) {
        self.operations = operations
        var byPath: [String: Set<HTTPRequest.Method>] = [:]
        for operation in operations { byPath[operation.path, default: []].insert(operation.method) }
        self.templates = byPath.map { ($0.key.split(separator: "/"), $0.value) }
    }

    /// The methods of the templates `path` matches (empty when it matches none).
    func methods(matching path: String) -> Set<HTTPRequest.Method> {
        let segments = path.split(separator: "/")
        var methods: Set<HTTPRequest.Method> = []
        for template in templates where Self.matches(template.segments, segments) {
            methods.formUnion(template.methods)
        }
        return methods
    }

    private static func matches(_ template: [Substring], _ segments: [Substring]) -> Bool {
        guard template.count == segments.count else { return false }
        return zip(template, segments).allSatisfy { pattern, segment in
            pattern.first == "{" || pattern == segment
        }
    }

    /// Holds the index of a router whose middleware is created before its routes are added:
    /// filled once registration is complete, read by the error responder on 404s.
    final class Reference: Sendable {
        private let index = Mutex(RouteIndex(operations: []))

        /// The current index.
        var value: RouteIndex {
            get { index.withLock { $0 } }
            set { index.withLock { $0 = newValue } }
        }
    }
}
