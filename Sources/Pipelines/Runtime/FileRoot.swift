/// Why a file path is refused.
public struct FilePathError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var root: String

    public var description: String { "path \"\(path)\" escapes the files root \(root)" }
}

/// The directory file modules read and write in (config `files.root`). Relative paths resolve
/// against it; a path that leaves it — by `..`, or by being absolute elsewhere — is refused.
public struct FileRoot: Sendable, Hashable {
    /// The root, absolute and without a trailing slash.
    public let path: String

    public init(path: String) {
        let normalized = FileRoot.normalize(path)
        self.path = normalized == "/" ? "" : normalized
    }

    /// The absolute path of `relative` (or of an absolute path inside the root).
    public func resolve(_ given: String) throws(FilePathError) -> String {
        let joined = given.hasPrefix("/") ? given : path + "/" + given
        let normalized = FileRoot.normalize(joined)
        guard normalized.hasPrefix(path + "/") else { throw FilePathError(path: given, root: path.isEmpty ? "/" : path) }
        return normalized
    }

    /// Removes `.`, `..` and repeated slashes lexically (`..` above `/` stays at `/`).
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
            } else {
                parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
