import Foundation

/// Fire times found by stepping through every instant of a window, with the
/// daylight-saving rule written from its definition rather than from the
/// library's algorithm:
/// - wildcard hours: fire whenever the wall clock shows a matching label;
/// - fixed hours: fire when a matching label is shown for the first time, and
///   at the first instant after a forward jump that skipped a matching label.
final class BruteForceOracle {
    let model: ScheduleModel
    let zone: TimeZone
    /// 60 for 5-field expressions, 1 when seconds matter.
    let step: Int
    private let days = DayTable()
    private let secondMatches: [Bool]
    private let minuteMatches: [Bool]
    private let hourMatches: [Bool]

    init(model: ScheduleModel, zone: TimeZone, step: Int) {
        self.model = model
        self.zone = zone
        self.step = step
        secondMatches = (0..<60).map(model.seconds.contains)
        minuteMatches = (0..<60).map(model.minutes.contains)
        hourMatches = (0..<24).map(model.hours.contains)
    }

    private func matchesTime(_ secondOfDay: Int) -> Bool {
        secondMatches[secondOfDay % 60] && minuteMatches[secondOfDay / 60 % 60] && hourMatches[secondOfDay / 3600]
    }

    func matches(label: Int) -> Bool {
        let dayStart = Self.dayStart(label)
        return matchesTime(label - dayStart) && model.matchesDay(days.day(ofLabel: label))
    }

    private static func dayStart(_ label: Int) -> Int {
        Int((Double(label) / 86_400).rounded(.down)) * 86_400
    }

    /// Fire times in `start ..< end` (seconds since 1970, multiples of `step`).
    /// The window must not start inside a fold: labels before `start` count as shown.
    func fireTimes(from start: Int, to end: Int) -> [Int] {
        var result: [Int] = []
        var instant = start
        var highestLabel = instant - step + offset(instant - step)
        var matchingDay = (start: Int.min, matches: false)
        while instant < end {
            let label = instant + offset(instant)
            let dayStart = Self.dayStart(label)
            if matchingDay.start != dayStart {
                matchingDay = (dayStart, model.matchesDay(days.day(ofLabel: label)))
            }
            if !matchingDay.matches, label > highestLabel {
                // No label of this day matches: move on to the next day.
                highestLabel = dayStart + 86_400 - step
                instant += dayStart + 86_400 - label
                continue
            }
            let fires: Bool
            if !model.fixedHour {
                fires = matchingDay.matches && matchesTime(label - dayStart)
            } else {
                let firstShowing = label > highestLabel && matchingDay.matches && matchesTime(label - dayStart)
                fires = firstShowing || stride(from: highestLabel + step, to: label, by: step).contains(where: matches(label:))
            }
            if fires { result.append(instant) }
            highestLabel = max(highestLabel, label)
            instant += step
        }
        return result
    }

    private func offset(_ instant: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }
}
