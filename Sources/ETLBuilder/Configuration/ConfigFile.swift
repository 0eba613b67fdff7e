import Foundation
import Yams

/// The keys of a YAML configuration file, flattened to dotted names, each with the line it is on.
///
/// The file is read with Yams' node API rather than decoded into a struct so that an unknown key,
/// a list where a value belongs or a value of the wrong type can be reported with its line.
struct ConfigFile: Sendable {
    /// A scalar found in the file: its text as written and where it was.
    struct Entry: Sendable, Equatable {
        let text: String
        let line: Int
    }

    let path: String
    let entries: [String: Entry]

    /// Reads and flattens the file at `path`. Unknown keys are rejected here, with their line.
    init(path: String) throws(ConfigError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(
                key: "--config", source: .file(path: path, line: 0),
                problem: "cannot read the file (\(error.localizedDescription))")
        }
        try self.init(path: path, text: text)
    }

    /// Flattens YAML `text` as if read from `path`.
    init(path: String, text: String) throws(ConfigError) {
        self.path = path
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError(key: "--config", source: .file(path: path, line: Self.line(of: error)), problem: "not valid YAML: \(error)")
        } catch {
            throw ConfigError(key: "--config", source: .file(path: path, line: 0), problem: "not valid YAML: \(error)")
        }
        var entries: [String: Entry] = [:]
        if let root {
            try Self.flatten(root, prefix: nil, path: path, into: &entries)
        }
        self.entries = entries
    }

    private static func flatten(_ node: Node, prefix: String?, path: String, into entries: inout [String: Entry]) throws(ConfigError) {
        let line = node.mark?.line ?? 0
        switch node {
        case .mapping(let mapping):
            for (keyNode, valueNode) in mapping {
                guard let name = keyNode.scalar?.string else {
                    throw ConfigError(key: prefix ?? "(top level)", source: .file(path: path, line: keyNode.mark?.line ?? line), problem: "keys must be plain names")
                }
                let key = prefix.map { "\($0).\(name)" } ?? name
                try flatten(valueNode, prefix: key, path: path, into: &entries)
            }
        case .scalar(let scalar):
            guard let key = prefix else {
                throw ConfigError(key: "(top level)", source: .file(path: path, line: line), problem: "the file must be a mapping of sections such as server: and store:")
            }
            guard ConfigSchema.spec(for: key) != nil else {
                throw unknownKey(key, line: line, path: path)
            }
            // An explicit YAML null (`port:`, `port: ~`, `port: null`) means "use the default".
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return }
            entries[key] = Entry(text: scalar.string, line: line)
        case .sequence, .alias:
            let key = prefix ?? "(top level)"
            guard let spec = ConfigSchema.spec(for: key) else {
                throw unknownKey(key, line: line, path: path)
            }
            throw ConfigError(key: key, source: .file(path: path, line: line), problem: "expected \(spec.kind.allowedDescription), found a list")
        }
    }

    private static func unknownKey(_ key: String, line: Int, path: String) -> ConfigError {
        let section = key.split(separator: ".").first.map(String.init) ?? key
        let siblings = ConfigSchema.keys.map(\.key).filter { $0.hasPrefix(section + ".") }
        let hint = siblings.isEmpty
            ? "known sections: " + Set(ConfigSchema.keys.map { String($0.key.split(separator: ".")[0]) }).sorted().joined(separator: ", ")
            : "known keys here: " + siblings.joined(separator: ", ")
        let isSection = ConfigSchema.keys.contains { $0.key.hasPrefix(key + ".") }
        return ConfigError(
            key: key, source: .file(path: path, line: line),
            problem: isSection ? "is a section and needs keys below it (\(hint))" : "unknown key (\(hint))")
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: 0
        }
    }
}
