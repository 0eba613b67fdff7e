import Foundation
import Synchronization

/// Offset lookups for one time zone, backed by a process-wide cache of
/// transition tables so that steady-state queries take a lock and a binary
/// search instead of calls into Foundation.
struct ZoneRules: Sendable {
    let zone: TimeZone

    private static let cache = Mutex<[String: ZoneTimeline]>([:])

    /// The period of constant offset that contains `instant`.
    func period(containing instant: Int64) -> ZonePeriod {
        let identifier = zone.identifier
        return Self.cache.withLock { timelines in
            timelines[identifier, default: ZoneTimeline(zone: zone, around: instant)].period(containing: instant, zone: zone)
        }
    }
}
