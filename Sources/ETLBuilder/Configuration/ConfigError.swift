/// A configuration the daemon refuses to start with. `serve` exits with `EX_CONFIG` (78).
struct ConfigError: Error, Equatable, CustomStringConvertible {
    /// The dotted key, or the file when the problem is the file itself.
    let key: String
    let source: ConfigSource
    let problem: String

    var description: String { "configuration error: \(key) (\(source)): \(problem)" }

    /// The exit status of a process stopped by a configuration error (sysexits.h `EX_CONFIG`).
    static let exitCode: Int32 = 78
}
