/// Why the daemon or a command cannot proceed, in words an admin can act on.
enum DaemonError: Error, CustomStringConvertible {
    case dataDirectory(path: String, reason: String)
    case dataDirectoryLocked(path: String, holder: String?)
    case key(name: String, path: String, reason: String)
    case unsupportedStore(String)
    case serviceManager(String)

    var description: String {
        switch self {
        case .dataDirectory(let path, let reason):
            "cannot use data directory \(path): \(reason)"
        case .dataDirectoryLocked(let path, let holder):
            "another etl-builder\(holder.map { " (pid \($0))" } ?? "") is already using the data directory \(path); "
                + "stop it first, or give this one another directory with data.directory or ETL_BUILDER_DATA_DIRECTORY"
        case .key(let name, let path, let reason):
            "cannot load the \(name) from \(path): \(reason)"
        case .unsupportedStore(let detail):
            detail
        case .serviceManager(let detail):
            "cannot talk to the service manager: \(detail)"
        }
    }
}
