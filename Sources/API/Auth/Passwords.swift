import Foundation
import HummingbirdBcrypt

/// Password hashing and the password policy, shared by the API and the CLI.
///
/// bcrypt is deliberately slow (cost 12 ≈ a quarter second of CPU), so hashing and verifying run on
/// a detached task, never on an event loop or inside a request handler's executor.
public enum Passwords {
    /// bcrypt work factor.
    public static let cost: UInt8 = 12
    /// Shortest accepted password, in characters.
    public static let minimumLength = 8
    /// bcrypt reads at most 72 bytes; longer passwords would be silently truncated, so they are refused.
    public static let maximumBytes = 72

    /// Why `password` is not acceptable, or nil when it is.
    public static func policyViolation(_ password: String, minimumLength: Int = minimumLength) -> String? {
        if password.count < minimumLength { return "the password must have at least \(minimumLength) characters" }
        if password.utf8.count > maximumBytes { return "the password must be at most \(maximumBytes) bytes long" }
        return nil
    }

    /// The bcrypt hash of `password`.
    public static func hash(_ password: String) async -> String {
        await Task.detached(priority: .userInitiated) { Bcrypt.hash(password, cost: cost) }.value
    }

    /// Whether `password` matches `hash`.
    public static func verify(_ password: String, hash: String) async -> Bool {
        await Task.detached(priority: .userInitiated) { Bcrypt.verify(password, hash: hash) }.value
    }

    /// Spends the time of a verification without a user: login runs it for unknown usernames so
    /// that the answer does not reveal which usernames exist.
    public static func verifyWithoutUser(_ password: String) async {
        _ = await Task.detached(priority: .userInitiated) { Bcrypt.verify(password, hash: decoyHash) }.value
    }

    /// The hash of a random password, computed once, on first use, off the event loop.
    private static let decoyHash = Bcrypt.hash(generate(), cost: cost)

    /// A random password of `length` characters from an alphabet without look-alikes (no 0/O, 1/l/I).
    public static func generate(length: Int = 24) -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
