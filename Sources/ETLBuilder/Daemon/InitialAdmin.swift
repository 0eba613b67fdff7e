import API
import Foundation
import Logging
import Store

/// On first start, when the store has no user at all, creates `admin` (role admin) with a random
/// password written once to `<data dir>/initial-admin-password` (mode 0600), as Jenkins does.
/// The password itself is never logged; the log says where the file is.
struct InitialAdmin {
    static let username = "admin"
    static let passwordFileName = "initial-admin-password"

    let store: any MetadataStore
    let dataDirectory: DataDirectory
    let logger: Logger

    func ensure() async throws {
        guard try await store.countUsers() == 0 else { return }
        let password = Passwords.generate()
        let path = dataDirectory.file(Self.passwordFileName)
        // Write the file first: an admin whose password is lost is worse than a file without an admin.
        guard FileManager.default.createFile(
            atPath: path, contents: Data((password + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw DaemonError.dataDirectory(path: path, reason: "cannot write the initial admin password")
        }
        let hash = await Passwords.hash(password)
        _ = try await store.createUser(NewUser(
            username: Self.username, email: "admin@localhost", fullName: "Administrator", passwordHash: hash, role: .admin))
        logger.notice("Created the initial administrator", metadata: [
            "username": "\(Self.username)", "password_file": "\(path)",
        ])
        logger.notice("Log in as '\(Self.username)' with the password in \(path), then change it")
    }
}
