import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("OpenAPI document and docs pages")
struct OpenAPITests {
    @Test("the router and /openapi.json list the same operations")
    func routerMatchesDocument() async throws {
        let harness = try await APIHarness.make()
        let router = await APIServer.makeRouter(dependencies: harness.dependencies)
        let routed = Set(RouteIndex(router: router).operations.map(\.description))
        try await harness.run { api in
            let response = try await api.send(.get, "/openapi.json")
            #expect(response.status == .ok)
            let document = response.json
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
            let documented = Set(paths.flatMap { path, item in
                item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
            })
            #expect(routed.subtracting(documented).isEmpty, "routed but undocumented: \(routed.subtracting(documented).sorted())")
            #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
        }
    }

    @Test("every documented operation has an id, responses with the error body, and every $ref resolves")
    func documentIsComplete() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let text = try await api.send(.get, "/openapi.json").text
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let components = try #require(document["components"] as? [String: [String: Any]])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var operationIDs: Set<String> = []
            for (path, item) in paths {
                for (method, value) in item {
                    guard let operation = value as? [String: Any], let responses = operation["responses"] as? [String: Any] else { continue }
                    let id = try #require(operation["operationId"] as? String, "\(method) \(path)")
                    #expect(operationIDs.insert(id).inserted, "duplicate operationId \(id)")
                    if path.hasPrefix("/api/v1") {
                        #expect(responses["429"] != nil && responses["500"] != nil, "\(method) \(path)")
                    }
                }
            }
            for match in text.matches(of: /"\$ref": "#\/components\/(\w+)\/(\w+)"/) {
                #expect(components[String(match.1)]?[String(match.2)] != nil, "unresolved \(match.0)")
            }
            let schemas = try #require(components["schemas"])
            let errorBody = try #require(schemas["Error"] as? [String: Any])
            #expect(Set(errorBody["required"] as? [String] ?? []) == ["detail", "error_code", "timestamp"])
            let codes = ((errorBody["properties"] as? [String: Any])?["error_code"] as? [String: Any])?["enum"] as? [String]
            #expect(Set(codes ?? []) == Set(APIErrorCode.allCases.map(\.rawValue)))
        }
    }

    @Test("/docs and /redoc load their assets from the CDN by default, from docs.assets_dir when set")
    func docsPages() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let swagger = try await api.send(.get, "/docs")
            #expect(swagger.status == .ok && swagger.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(swagger.text.contains("cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"))
            #expect(swagger.text.contains("/openapi.json"))
            let redoc = try await api.send(.get, "/redoc")
            #expect(redoc.text.contains("redoc.standalone.js") && redoc.text.contains("spec-url=\"/openapi.json\""))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docs-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("window.SwaggerUIBundle = 1;".utf8).write(to: directory.appendingPathComponent("swagger-ui-bundle.js"))
        let offline = try await APIHarness.make(settings: APISettings(rateLimitPerMinute: 0, gzipMinimumBytes: 0, docsAssetsDirectory: directory.path))
        try await offline.run { api in
            let page = try await api.send(.get, "/docs")
            #expect(page.text.contains("\"/docs/assets/swagger-ui-bundle.js\"") && !page.text.contains("cdn.jsdelivr"))
            let asset = try await api.send(.get, "/docs/assets/swagger-ui-bundle.js")
            #expect(asset.status == .ok && asset.text == "window.SwaggerUIBundle = 1;")
            let absent = try await api.send(.get, "/docs/assets/redoc.standalone.js")
            #expect(absent.status == .notFound && absent.isError("NOT_FOUND"))
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
