import Synchronization
@testable import Systemd

/// A transport that keeps what would have been sent.
final class RecordingTransport: NotifyTransport {
    private let sent = Mutex<[String]>([])
    let isConfigured: Bool

    init(isConfigured: Bool = true) {
        self.isConfigured = isConfigured
    }

    var messages: [String] { sent.withLock { $0 } }

    func send(_ message: NotifyMessage) throws(SystemdError) {
        sent.withLock { $0.append(message.text) }
    }
}

/// A journal sink that keeps the entries.
final class RecordingJournalSink: JournalSink {
    private let written = Mutex<[JournalEntry]>([])

    var entries: [JournalEntry] { written.withLock { $0 } }

    func write(_ entry: JournalEntry) {
        written.withLock { $0.append(entry) }
    }
}
