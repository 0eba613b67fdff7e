import Foundation

/// The offset transitions of one zone over a window of instants, read from
/// Foundation once and then answered by binary search without allocating.
struct ZoneTimeline: Sendable {
    /// The covered instants are `lower ..< upper`.
    private var lower: Int64
    private var upper: Int64
    private var offsetAtLower: Int64
    /// Transition instants inside the window, increasing.
    private var transitions: [Int64]
    /// `offsets[i]` is the offset from `transitions[i]` on.
    private var offsets: [Int64]

    /// How far around a requested instant a new window reaches (about 30 years).
    static let reach: Int64 = 30 * 31_556_952

    /// A window of ``reach`` on both sides of `instant`.
    init(zone: TimeZone, around instant: Int64) {
        self.init(zone: zone, lower: instant - Self.reach, upper: instant + Self.reach)
    }

    /// Reads the transitions of `zone` in `lower ..< upper`.
    private init(zone: TimeZone, lower: Int64, upper: Int64) {
        self.lower = lower
        self.upper = upper
        offsetAtLower = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(lower))))
        transitions = []
        offsets = []
        // Start one second early so a transition exactly at `lower` is kept.
        var cursor = Date(timeIntervalSince1970: TimeInterval(lower - 1))
        while let transition = zone.nextDaylightSavingTimeTransition(after: cursor) {
            let instant = Int64(transition.timeIntervalSince1970.rounded(.down))
            let previous = transitions.last ?? lower - 1
            guard instant < upper, previous < instant else { break }
            transitions.append(instant)
            offsets.append(Int64(zone.secondsFromGMT(for: transition)))
            cursor = transition
        }
    }

    /// The period containing `instant`, first growing the window if needed.
    mutating func period(containing instant: Int64, zone: TimeZone) -> ZonePeriod {
        if instant < lower || instant >= upper {
            extend(toCover: instant, zone: zone)
        }
        return period(containing: instant)
    }

    /// Grows the window at least twofold toward `instant` (so walking far ahead
    /// costs amortized constant time), or starts afresh after a long jump.
    private mutating func extend(toCover instant: Int64, zone: TimeZone) {
        let width = upper - lower
        if instant >= upper + 16 * Self.reach || instant < lower - 16 * Self.reach {
            self = ZoneTimeline(zone: zone, around: instant)
        } else if instant >= upper {
            let added = ZoneTimeline(zone: zone, lower: upper, upper: max(instant + Self.reach, upper + width))
            transitions += added.transitions
            offsets += added.offsets
            upper = added.upper
        } else {
            let added = ZoneTimeline(zone: zone, lower: min(instant - Self.reach, lower - width), upper: lower)
            transitions = added.transitions + transitions
            offsets = added.offsets + offsets
            offsetAtLower = added.offsetAtLower
            lower = added.lower
        }
    }

    /// The period containing a covered `instant`; the window edges act as
    /// boundaries where the offset does not change.
    private func period(containing instant: Int64) -> ZonePeriod {
        // Count the transitions at or before `instant`.
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        let offset = low == 0 ? offsetAtLower : offsets[low - 1]
        return ZonePeriod(
            start: low == 0 ? lower : transitions[low - 1],
            end: low == transitions.count ? upper : transitions[low],
            offset: offset,
            offsetBefore: low == 0 ? offset : low == 1 ? offsetAtLower : offsets[low - 2]
        )
    }
}
