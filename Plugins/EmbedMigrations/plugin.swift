import Foundation
import PackagePlugin

/// Build-tool plugin that compiles every `migrations/<backend>/NNNN_name.sql` file of the
/// package into the target it is applied to (the `Store` target), so the installed binary
/// carries its own schema.
///
/// The generated `EmbeddedMigrations.swift` defines `enum EmbeddedMigrations` with one
/// `static let <backend>: [Migration]` per folder under `migrations/`, sorted by version
/// (`sqlite` and `postgres` always exist, possibly empty).
///
/// Inputs of the build command, so the build notices changes:
/// - every `.sql` file: editing a migration regenerates the Swift source;
/// - `migrations/` and each backend folder: adding or removing a file changes the folder,
///   which re-runs the embedder (it lists the folders itself).
/// SwiftPM re-evaluates this plugin only when it re-plans the build (a target's file list
/// or `Package.swift` changes). After *deleting or renaming* a migration that the last plan
/// listed, the build stops with "missing inputs"; `touch Package.swift` re-plans.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "migrations", directoryHint: .isDirectory)
        let folders = try Self.backendFolders(under: root)
        let files = try folders.flatMap { try Self.sqlFiles(in: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        let tool = try context.tool(named: "MigrationEmbedder")
        let watched = FileManager.default.fileExists(atPath: root.path(percentEncoded: false)) ? [root] : []
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) SQL migration(s) into \(target.name)",
                executable: tool.url,
                arguments: [root.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: watched + folders + files,
                outputFiles: [output]
            )
        ]
    }

    /// The backend folders under `root` (`sqlite`, `postgres`…), sorted; none if `root` is absent.
    static func backendFolders(under root: URL) throws -> [URL] {
        let fm = FileManager.default
        guard fm.fileExists(atPath: root.path(percentEncoded: false)) else { return [] }
        return try fm.contentsOfDirectory(atPath: root.path(percentEncoded: false)).sorted().compactMap { name in
            let url = root.appending(path: name, directoryHint: .isDirectory)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path(percentEncoded: false), isDirectory: &isDirectory),
                isDirectory.boolValue
            else { return nil }
            return url
        }
    }

    /// The `*.sql` files directly inside `folder`, sorted.
    static func sqlFiles(in folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false)).sorted()
            .filter { $0.hasSuffix(".sql") }
            .map { folder.appending(path: $0) }
    }
}
