import Foundation

/// The wall clock the scheduler and executor read and sleep on. Cron slots are wall-clock
/// instants, so this is about `Date`, not a monotonic `Clock`. Tests inject a virtual clock that
/// jumps forward, so hours of schedule run in milliseconds.
public protocol SchedulerClock: Sendable {
    /// The current instant.
    var now: Date { get }

    /// Suspends until `now >= deadline`; returns at once when the deadline has passed.
    /// Throws `CancellationError` when the calling task is cancelled.
    func sleep(until deadline: Date) async throws
}

/// The system's wall clock.
///
/// Sleeps run on the continuous clock, which does not follow wall-clock steps (NTP corrections,
/// manual changes); callers cap their sleeps (see ``SchedulerConfiguration/maximumIdleSleep``)
/// so a step is noticed within that bound.
public struct SystemSchedulerClock: SchedulerClock {
    public init() {}

    public var now: Date { Date() }

    public func sleep(until deadline: Date) async throws {
        // The runtime may wake a sleep late by a fraction of its length (timer coalescing: about
        // 130 ms on a 2 s sleep here). So sleep 90 % of what remains, again and again, and only
        // the last short sleep decides how late the wake-up is.
        while true {
            let remaining = deadline.timeIntervalSince(Date())
            guard remaining > 0 else { return }
            let step = remaining > 0.02 ? remaining * 0.9 : remaining
            try await Task.sleep(for: .nanoseconds(Int64(step * 1e9)), clock: .continuous)
        }
    }
}
