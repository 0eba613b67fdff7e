import Foundation

/// What `systemctl status etl-builder` shows on its `Status:` line, e.g.
/// `42 schedules armed · 2 running · 3 queued · next fire 02:00:00 Europe/Paris`, or, when
/// something is wrong, `degraded: store unreachable (…) · 42 schedules armed · …`.
struct DaemonStatus: Sendable, Equatable {
    var armedSchedules: Int
    var running: Int
    var queued: Int
    /// The earliest next fire time, nil when nothing is armed.
    var nextFire: Date?
    /// The zone `nextFire` is shown in (`scheduler.default_timezone`).
    var timeZone: TimeZone
    /// Why the daemon is not fully working, if it is not.
    var degraded: String?

    /// The one-line status; `now` decides whether the next fire needs its date.
    func line(now: Date = Date()) -> String {
        var parts: [String] = []
        if let degraded { parts.append("degraded: " + degraded) }
        parts.append(armedSchedules == 1 ? "1 schedule armed" : "\(armedSchedules) schedules armed")
        parts.append("\(running) running")
        if queued > 0 { parts.append("\(queued) queued") }
        if let nextFire { parts.append("next fire " + Self.format(nextFire, now: now, in: timeZone)) }
        return parts.joined(separator: " · ")
    }

    /// `HH:mm:ss Zone` within the next 24 hours, else `yyyy-MM-dd HH:mm:ss Zone`.
    private static func format(_ date: Date, now: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let time = String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        guard date.timeIntervalSince(now) >= 86_400 else { return "\(time) \(zone.identifier)" }
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return "\(day) \(time) \(zone.identifier)"
    }
}
