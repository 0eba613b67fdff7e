/// The product version, reported by `etl-builder version`, `--version` and `GET /health`.
enum ProductVersion {
    static let current = "0.1.0"
}
