/// The HTML of the two documentation pages; both read `/openapi.json`.
enum DocsPages {
    /// Where the pages load Swagger UI and ReDoc from.
    enum Assets: Equatable {
        /// jsDelivr, pinned to major versions.
        case cdn
        /// The daemon itself, under `path`.
        case local(path: String)

        func url(_ file: String) -> String {
            switch self {
            case .cdn:
                file.hasPrefix("redoc") ? "https://cdn.jsdelivr.net/npm/redoc@2/bundles/\(file)"
                    : "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/\(file)"
            case .local(let path): "\(path)/\(file)"
            }
        }
    }

    static func swaggerUI(assets: Assets) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>etl-builder API - Swagger UI</title>
        <link rel="stylesheet" href="\(assets.url("swagger-ui.css"))">
        </head>
        <body>
        <div id="swagger-ui"></div>
        <script src="\(assets.url("swagger-ui-bundle.js"))"></script>
        <script>
        window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true, persistAuthorization: true});
        </script>
        </body>
        </html>
        """
    }

    static func redoc(assets: Assets) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>etl-builder API - ReDoc</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        </head>
        <body>
        <redoc spec-url="/openapi.json"></redoc>
        <script src="\(assets.url("redoc.standalone.js"))"></script>
        </body>
        </html>
        """
    }
}
