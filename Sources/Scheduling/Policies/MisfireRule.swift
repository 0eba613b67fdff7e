import Cron
import Foundation
import Store

/// Which slots missed while the daemon was down still run when it starts again.
///
/// The missed slots are those after the pipeline's reference instant (its last fired slot, or its
/// last edit when that is later: a pipeline resumed or rescheduled after its last run missed
/// nothing before the edit) up to now. `skip` runs none, `run_once` runs the latest one,
/// `catch_up` runs the latest `maxCatchUp` in time order.
struct MisfireRule: Sendable, Hashable {
    var policy: MisfirePolicy
    var maxCatchUp: Int

    /// The missed slots to fire now, oldest first.
    func slotsToFire(
        schedule: CronExpression, in zone: TimeZone, missedAfter reference: Date, upTo now: Date
    ) -> [Date] {
        let limit =
            switch policy {
            case .skip: 0
            case .runOnce: 1
            case .catchUp: maxCatchUp
            }
        var slots: [Date] = []
        // Walk back from now: the latest missed slots are the ones kept.
        var cursor = now.addingTimeInterval(1)
        while slots.count < limit, let slot = schedule.previous(before: cursor, in: zone), slot > reference {
            slots.append(slot)
            cursor = slot
        }
        return slots.reversed()
    }
}
