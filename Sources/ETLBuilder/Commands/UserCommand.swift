import API
import ArgumentParser
import Foundation
import Logging
import Store

/// `etl-builder user …`: account administration from the shell, e.g. when every admin is locked out.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage user accounts.", subcommands: [Create.self, ResetPassword.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a user.",
            discussion: "Without --password-stdin a random password is generated and printed once.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Login name (unique, case-insensitive).") var username: String
        @Option(help: "E-mail address (unique).") var email: String
        @Option(help: "admin, developer or viewer.") var role: UserRole
        @Option(name: .customLong("full-name"), help: "Display name.") var fullName: String?
        @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
        var passwordFromStandardInput = false

        func validate() throws {
            guard !username.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--username must not be empty")
            }
            guard email.contains("@") else { throw ValidationError("--email '\(email)' is not an e-mail address") }
        }

        func run() async throws {
            let command = try global.storeCommand()
            try await reportingFailures {
                let password = try PasswordInput.read(fromStandardInput: passwordFromStandardInput)
                let hash = await Passwords.hash(password.text)
                let user = try await command.run { store in
                    try await store.createUser(NewUser(username: username, email: email, fullName: fullName, passwordHash: hash, role: role))
                }
                print("Created user \(user.username) (\(user.role.rawValue)), id \(user.id.uuidString.lowercased())")
                if password.wasGenerated { print("Password: \(password.text)") }
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Set a new password for a user.",
            discussion: "Without --password-stdin a random password is generated and printed once.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's login name.") var username: String
        @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
        var passwordFromStandardInput = false

        func run() async throws {
            let command = try global.storeCommand()
            try await reportingFailures {
                let password = try PasswordInput.read(fromStandardInput: passwordFromStandardInput)
                let hash = await Passwords.hash(password.text)
                let user = try await command.run { store in
                    guard let user = try await store.user(username: username) else { throw UserCommandError.unknownUser(username) }
                    return try await store.updateUser(id: user.id, UserUpdate(passwordHash: hash))
                }
                print("Password of \(user.username) changed")
                if password.wasGenerated { print("Password: \(password.text)") }
            }
        }
    }
}

extension UserRole: ExpressibleByArgument {}

enum UserCommandError: Error, CustomStringConvertible {
    case unknownUser(String)
    case emptyStandardInput
    case weakPassword(String)

    var description: String {
        switch self {
        case .unknownUser(let name): "no user named '\(name)'"
        case .emptyStandardInput: "--password-stdin was given but standard input is empty"
        case .weakPassword(let why): "password from standard input refused: \(why)"
        }
    }
}

/// A password read from standard input, or generated.
struct PasswordInput {
    let text: String
    let wasGenerated: Bool

    static func read(fromStandardInput: Bool) throws -> PasswordInput {
        guard fromStandardInput else { return PasswordInput(text: Passwords.generate(), wasGenerated: true) }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw UserCommandError.emptyStandardInput }
        if let violation = Passwords.policyViolation(line) { throw UserCommandError.weakPassword(violation) }
        return PasswordInput(text: line, wasGenerated: false)
    }
}
