/// Where a configuration value came from. Every configuration error names it, so an admin
/// knows which line of which file, or which environment variable, to fix.
enum ConfigSource: Sendable, Equatable, CustomStringConvertible {
    case file(path: String, line: Int)
    case environment(name: String)
    case commandLine(option: String)
    case builtInDefault

    var description: String {
        switch self {
        case .file(let path, let line): "\(path) line \(line)"
        case .environment(let name): "environment variable \(name)"
        case .commandLine(let option): "command-line option \(option)"
        case .builtInDefault: "built-in default"
        }
    }
}
