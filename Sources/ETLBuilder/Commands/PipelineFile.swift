import Foundation
import Pipelines

/// Reads a pipeline JSON file for `run` and `validate`.
enum PipelineFile {
    static func load(_ path: String) throws -> PipelineDocument {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PipelineFileError(path: path, reason: "cannot be read (\(error.localizedDescription))")
        }
        do {
            let json = try JSONDecoder().decode(JSONValue.self, from: data)
            return PipelineDocument(json: json, fallbackName: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        } catch {
            throw PipelineFileError(path: path, reason: "is not valid JSON")
        }
    }
}

/// A pipeline file that cannot be loaded.
struct PipelineFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path) \(reason)" }
}

extension PipelineDocument {
    /// Whether a node names a connection (`connection_id`), which `run` then reads from the store.
    var usesConnections: Bool {
        (config["nodes"]?.arrayValue ?? []).contains { $0["config"]?["connection_id"] != nil }
    }
}
