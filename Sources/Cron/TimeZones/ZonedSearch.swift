/// Turns wall-clock matches into real instants in a time zone, with cronie's
/// daylight-saving rule.
///
/// - Fixed-hour schedules fire once per matching label: at its first
///   occurrence when a fall-back repeats it, and at the first instant after the
///   gap when a spring-forward skips it.
/// - Wildcard-hour schedules fire at every real instant whose label matches:
///   skipped labels never fire and repeated labels fire on each occurrence.
///
/// Instants are whole seconds since 1970 (UTC); labels are wall-clock seconds.
struct ZonedSearch {
    let schedule: CronSchedule
    let rules: ZoneRules

    /// The first fire time strictly after `instant`.
    func next(after instant: Int64) -> Int64? {
        schedule.isFixedHour ? nextFixed(after: instant) : nextFollowingRealTime(after: instant)
    }

    /// The last fire time strictly before `instant`.
    func previous(before instant: Int64) -> Int64? {
        schedule.isFixedHour ? previousFixed(before: instant) : previousFollowingRealTime(before: instant)
    }

    // MARK: Fixed-hour schedules

    /// A label's fire time is monotonic in the label, so the answer is the
    /// fire time of the first label whose fire time is later than `instant`.
    private func nextFixed(after instant: Int64) -> Int64? {
        let period = rules.period(containing: instant)
        var label = instant + period.offset
        // During the second pass of a fold, the repeated labels have already fired.
        if let repeated = period.repeatedLabels, repeated.contains(label) {
            label = repeated.upperBound - 1
        }
        return schedule.nextLabel(after: label).map { firstFireTime(of: $0, near: period) }
    }

    private func previousFixed(before instant: Int64) -> Int64? {
        let period = rules.period(containing: instant - 1)
        var label = instant + period.offset
        // During the second pass of a fold, every repeated label fired in the first pass.
        if let repeated = period.repeatedLabels, repeated.contains(label - 1) {
            label = repeated.upperBound
        }
        return schedule.previousLabel(before: label).map { firstFireTime(of: $0, near: period) }
    }

    /// The first instant showing `label`, or the end of the gap that skips it.
    private func firstFireTime(of label: Int64, near hint: ZonePeriod) -> Int64 {
        var period = rules.period(containing: label - hint.offset)
        while true {
            let instant = label - period.offset
            if instant < period.start {
                let before = rules.period(containing: period.start - 1)
                if label - before.offset >= period.start { return period.start }
                period = before
            } else if instant >= period.end {
                let after = rules.period(containing: period.end)
                if label - after.offset < period.end { return period.end }
                period = after
            } else if let repeated = period.repeatedLabels, repeated.contains(label) {
                return label - period.offsetBefore
            } else {
                return instant
            }
        }
    }

    // MARK: Wildcard-hour schedules

    /// Walks period by period: within one period labels and instants differ by
    /// a constant, so the wall-clock search answers directly.
    private func nextFollowingRealTime(after instant: Int64) -> Int64? {
        var cursor = instant
        while cursor < CronInstantRange.upperBound {
            let period = rules.period(containing: cursor + 1)
            guard let label = schedule.nextLabel(after: cursor + period.offset) else { return nil }
            let fireTime = label - period.offset
            if fireTime < period.end { return fireTime }
            cursor = period.end - 1
        }
        return nil
    }

    private func previousFollowingRealTime(before instant: Int64) -> Int64? {
        var cursor = instant
        while cursor > CronInstantRange.lowerBound {
            let period = rules.period(containing: cursor - 1)
            guard let label = schedule.previousLabel(before: cursor + period.offset) else { return nil }
            let fireTime = label - period.offset
            if fireTime >= period.start { return fireTime }
            cursor = period.start
        }
        return nil
    }
}
