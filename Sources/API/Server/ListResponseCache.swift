import HTTPTypes
import NIOCore
import Synchronization

/// Keeps encoded list pages for a short ``lifetime``, so that clients polling the same page
/// (dashboards, the benchmark) cost one store read per page and period instead of one per request.
///
/// Writes made through the API call ``invalidate()`` and are visible at once; changes made by
/// other parts of the daemon (the executor finishing a run, which moves a pipeline's
/// `last_execution`) show within ``lifetime``. A page read from the store while an invalidation
/// happened is not kept (the generation check in ``store(_:for:generation:)``).
final class ListResponseCache: Sendable {
    /// An encoded page.
    struct Page: Sendable {
        var body: ByteBuffer
        var headers: HTTPFields
    }

    private struct Entry {
        var page: Page
        var expires: ContinuousClock.Instant
    }

    private struct State {
        var generation: UInt64 = 0
        var entries: [String: Entry] = [:]
    }

    /// How long a page is served from memory; zero disables the cache.
    let lifetime: Duration
    /// Most pages kept; beyond it the cache starts afresh.
    let capacity: Int
    private let state = Mutex(State())

    /// A cache keeping pages for `lifetime`.
    init(lifetime: Duration, capacity: Int = 1024) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The fresh page stored under `key`, if any, and the generation to pass to ``store(_:for:generation:)``.
    func lookup(_ key: String, now: ContinuousClock.Instant = .now) -> (page: Page?, generation: UInt64) {
        state.withLock { state in
            guard lifetime > .zero, let entry = state.entries[key], entry.expires > now else { return (nil, state.generation) }
            return (entry.page, state.generation)
        }
    }

    /// Keeps `page` under `key`, unless the cache was invalidated since `generation` was read.
    func store(_ page: Page, for key: String, generation: UInt64, now: ContinuousClock.Instant = .now) {
        guard lifetime > .zero else { return }
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = Entry(page: page, expires: now + lifetime)
        }
    }

    /// Forgets every page (something they show has changed).
    func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }
}
