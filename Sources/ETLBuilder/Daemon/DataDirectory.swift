import Foundation

/// The directory holding the embedded database, generated keys and the initial admin password.
///
/// Lookup: `$STATE_DIRECTORY` (set by systemd's `StateDirectory=`), else `data.directory`,
/// else `/var/lib/etl-builder` when it exists and is writable (or can be created), else
/// `./.etl-builder` — so `swift run etl-builder serve` works with no set-up.
struct DataDirectory: Sendable {
    /// The system location used when nothing else is configured and it is writable.
    static let systemPath = "/var/lib/etl-builder"
    /// The fallback for a developer's checkout, relative to the working directory.
    static let localPath = ".etl-builder"

    let path: String

    /// Chooses the directory, creating it (mode 0700) when it is missing.
    static func resolve(
        environment: [String: String], configured: String?, systemPath: String = Self.systemPath
    ) throws -> DataDirectory {
        if let state = environment["STATE_DIRECTORY"], !state.isEmpty {
            // systemd may pass several colon-separated directories; the first is ours.
            return try DataDirectory(creating: String(state.split(separator: ":")[0]))
        }
        if let configured {
            return try DataDirectory(creating: configured)
        }
        if let system = try? DataDirectory(creating: systemPath), FileManager.default.isWritableFile(atPath: system.path) {
            return system
        }
        let local = FileManager.default.currentDirectoryPath + "/" + localPath
        return try DataDirectory(creating: local)
    }

    private init(creating path: String) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DaemonError.dataDirectory(path: path, reason: error.localizedDescription)
        }
        guard FileManager.default.isWritableFile(atPath: path) else {
            throw DaemonError.dataDirectory(path: path, reason: "it is not writable by this user")
        }
        self.path = path
    }

    /// The absolute path of a file inside the directory.
    func file(_ name: String) -> String { path + "/" + name }
}
