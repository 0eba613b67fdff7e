import Foundation

/// The two keys the daemon needs: the HMAC key that signs JWTs and the AES-256 key that encrypts
/// connection secrets at rest.
///
/// Each is read from `$CREDENTIALS_DIRECTORY/<name>` (systemd `LoadCredential=`), else from the
/// configuration, else from `<data dir>/<name>`, which is generated on first start with mode 0600.
/// Key bytes are never logged; ``description`` only says where each key came from.
struct KeyMaterial: Sendable, CustomStringConvertible {
    static let jwtKeyName = "jwt-secret"
    static let secretsKeyName = "secrets-key"

    /// The JWT signing key (at least 32 bytes).
    let jwtSigningKey: [UInt8]
    /// The 32-byte key for secrets at rest.
    let secretsKey: [UInt8]
    private let origins: [String]

    var description: String { origins.joined(separator: ", ") }

    static func load(environment: [String: String], auth: Settings.Auth, dataDirectory: DataDirectory) throws -> KeyMaterial {
        let credentials = environment["CREDENTIALS_DIRECTORY"].flatMap { $0.isEmpty ? nil : $0 }
        var origins: [String] = []
        let jwt = try loadKey(
            name: jwtKeyName, credentials: credentials, configured: auth.jwtSecret.map { Array($0.utf8) },
            dataDirectory: dataDirectory, origins: &origins,
            decode: { $0.count >= 32 ? $0 : nil }, requirement: "at least 32 bytes")
        let secrets = try loadKey(
            name: secretsKeyName, credentials: credentials, configured: auth.secretsKey.flatMap { Data(base64Encoded: $0).map(Array.init) },
            dataDirectory: dataDirectory, origins: &origins,
            decode: decodeAES256Key, requirement: "32 bytes, raw or base64")
        return KeyMaterial(jwtSigningKey: jwt, secretsKey: secrets, origins: origins)
    }

    /// Accepts 32 raw bytes or the base64 text of 32 bytes (with or without a trailing newline).
    private static func decodeAES256Key(_ bytes: [UInt8]) -> [UInt8]? {
        if bytes.count == 32 { return bytes }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let decoded = Data(base64Encoded: text), decoded.count == 32 else { return nil }
        return Array(decoded)
    }

    private static func loadKey(
        name: String, credentials: String?, configured: [UInt8]?, dataDirectory: DataDirectory,
        origins: inout [String], decode: ([UInt8]) -> [UInt8]?, requirement: String
    ) throws -> [UInt8] {
        if let credentials {
            let path = credentials + "/" + name
            if let bytes = FileManager.default.contents(atPath: path) {
                guard let key = decode(trimmingNewline(Array(bytes))) else {
                    throw DaemonError.key(name: name, path: path, reason: "the key must be \(requirement)")
                }
                origins.append("\(name) from systemd credential")
                return key
            }
        }
        if let configured {
            origins.append("\(name) from configuration")
            return configured
        }
        let path = dataDirectory.file(name)
        if let bytes = FileManager.default.contents(atPath: path) {
            guard let key = decode(trimmingNewline(Array(bytes))) else {
                throw DaemonError.key(name: name, path: path, reason: "the key must be \(requirement); delete the file to generate a new one")
            }
            origins.append("\(name) from \(path)")
            return key
        }
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(key).base64EncodedString()
        guard FileManager.default.createFile(atPath: path, contents: Data((text + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw DaemonError.key(name: name, path: path, reason: "cannot write the generated key")
        }
        origins.append("\(name) generated into \(path)")
        // Decode the file's text as a later start will read it back, so both starts use one key
        // (the JWT key is the text's bytes; the secrets key is the base64-decoded bytes).
        return decode(Array(text.utf8)) ?? key
    }

    private static func trimmingNewline(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        return bytes
    }
}
