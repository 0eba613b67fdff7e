#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Access tokens whose signature was already checked, by their exact text, with their user and
/// expiry: a client presents the same token on every request, and decoding its JSON payload
/// again costs more than the rest of authentication. A token is only ever found here after it
/// passed full verification with the server's key; its expiry is still checked on every use.
final class VerifiedTokenCache: Sendable {
    private struct Entry {
        var userID: UUID
        var expires: Date
    }

    /// Most tokens kept; beyond it the cache starts afresh.
    let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    init(capacity: Int = 10_000) { self.capacity = capacity }

    /// The user of `token` if it was verified before and has not expired at `now`.
    func userID(for token: String, now: Date) -> UUID? {
        entries.withLock { entries in
            guard let entry = entries[token] else { return nil }
            guard entry.expires > now else {
                entries[token] = nil
                return nil
            }
            return entry.userID
        }
    }

    /// Records that `token`, valid until `expires`, belongs to `userID`.
    func insert(_ token: String, userID: UUID, expires: Date) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[token] = Entry(userID: userID, expires: expires)
        }
    }
}
