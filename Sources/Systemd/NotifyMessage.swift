/// One datagram of the sd_notify(3) protocol: newline-separated `VARIABLE=value` assignments.
public struct NotifyMessage: Sendable, Equatable, CustomStringConvertible {
    /// The assignments in the order they are sent.
    public private(set) var assignments: [(name: String, value: String)]

    public static func == (lhs: NotifyMessage, rhs: NotifyMessage) -> Bool { lhs.text == rhs.text }

    init(_ assignments: [(name: String, value: String)] = []) {
        self.assignments = assignments
    }

    /// `READY=1`: start-up (or a reload) finished.
    static let ready = NotifyMessage([("READY", "1")])
    /// `STOPPING=1`: shutdown began.
    static let stopping = NotifyMessage([("STOPPING", "1")])
    /// `WATCHDOG=1`: the keep-alive ping.
    static let watchdog = NotifyMessage([("WATCHDOG", "1")])

    /// `RELOADING=1` with `MONOTONIC_USEC=`, the CLOCK_MONOTONIC time the reload began (required by
    /// `Type=notify-reload` since systemd 253, harmless before).
    static func reloading(monotonicMicroseconds: UInt64) -> NotifyMessage {
        NotifyMessage([("RELOADING", "1"), ("MONOTONIC_USEC", String(monotonicMicroseconds))])
    }

    /// Appends `STATUS=` with `status` made one line (the protocol is line-based).
    func adding(status: String?) -> NotifyMessage {
        guard let status else { return self }
        var message = self
        message.assignments.append(("STATUS", Self.oneLine(status)))
        return message
    }

    /// The datagram text.
    public var text: String {
        assignments.map { "\($0.name)=\($0.value)" }.joined(separator: "\n")
    }

    public var description: String { text.replacingNewlines(with: " ") }

    static func oneLine(_ text: String) -> String {
        text.replacingNewlines(with: " ")
    }
}

extension String {
    func replacingNewlines(with replacement: String) -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: replacement)
    }
}
