import HTTPTypes
import Hummingbird

/// `/openapi.json` (the API document, OpenAPI 3.1), `/docs` (Swagger UI) and `/redoc` (ReDoc).
///
/// The two pages load their scripts and styles from a CDN, as FastAPI does, or — when
/// `docs.assets_dir` is set — from that directory, served under `/docs/assets/`, so that they
/// also work offline. The directory must hold `swagger-ui-bundle.js`, `swagger-ui.css` and
/// `redoc.standalone.js`.
struct DocsRoutes {
    let version: String
    let assetsDirectory: String?

    /// Where the pages find their assets.
    var assetsBase: DocsPages.Assets {
        assetsDirectory == nil ? .cdn : .local(path: Self.assetsPath)
    }

    static let assetsPath = "/docs/assets"

    func register(on router: Router<APIRequestContext>) {
        let document = OpenAPIDocument.json(version: version)
        let swagger = DocsPages.swaggerUI(assets: assetsBase)
        let redoc = DocsPages.redoc(assets: assetsBase)
        router.get("/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: document)))
        }
        router.get("/docs") { _, _ in Self.html(swagger) }
        router.get("/redoc") { _, _ in Self.html(redoc) }
    }

    /// Serves the asset directory, when configured (a middleware, so no route is added).
    func assetsMiddleware() -> FileMiddleware<APIRequestContext, LocalFileSystem>? {
        assetsDirectory.map { FileMiddleware($0, urlBasePath: Self.assetsPath, searchForIndexHtml: false) }
    }

    private static func html(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
