#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Store
import Synchronization

/// Remembers, for one second, the role and activation of users who just authenticated, so that a
/// client sending many requests costs one user lookup per second instead of one per request.
///
/// Changes made through the API (`PATCH /users/{id}`) evict the user at once; changes made
/// elsewhere (the `etl-builder user` command) take effect within ``lifetime``.
final class PrincipalCache: Sendable {
    struct Entry: Sendable {
        var username: String
        var role: UserRole
        var isActive: Bool
        var expires: ContinuousClock.Instant
    }

    /// How long an entry is trusted.
    let lifetime: Duration
    private let entries = Mutex<[UUID: Entry]>([:])

    init(lifetime: Duration = .seconds(1)) { self.lifetime = lifetime }

    /// The cached facts about `userID`, if still fresh.
    func entry(for userID: UUID, now: ContinuousClock.Instant = .now) -> Entry? {
        entries.withLock { entries in
            guard let entry = entries[userID] else { return nil }
            if entry.expires > now { return entry }
            entries[userID] = nil
            return nil
        }
    }

    /// Caches `user` as just read from the store.
    func store(_ user: UserRecord, now: ContinuousClock.Instant = .now) {
        let entry = Entry(username: user.username, role: user.role, isActive: user.isActive, expires: now + lifetime)
        entries.withLock { entries in
            // Bounded by the number of users active within a second; drop expired ones when it grows.
            if entries.count > 10_000 { entries = entries.filter { $0.value.expires > now } }
            entries[user.id] = entry
        }
    }

    /// Forgets `userID` (its role or activation changed).
    func evict(_ userID: UUID) {
        _ = entries.withLock { $0.removeValue(forKey: userID) }
    }
}
