import CSystemd
import Glibc

/// Where journal entries go.
public protocol JournalSink: Sendable {
    /// Writes one entry; never blocks for long and never throws (logging must not fail the caller).
    func write(_ entry: JournalEntry)
}

/// The native journal protocol through `sd_journal_sendv(3)`: one datagram per entry to
/// `/run/systemd/journal/socket`. Values may hold any bytes, newlines included.
///
/// `sd_journal_sendv` reports success even when no journald listens, so the choice of this sink is
/// made up front (see ``JournalStream``), not from its results.
public struct NativeJournalSink: JournalSink {
    public init() {}

    public func write(_ entry: JournalEntry) {
        // Each iovec points into one contiguous "NAME=value" buffer kept alive for the call.
        let buffers = entry.fields.map { Array("\($0.name)=\($0.value)".utf8) }
        var vectors: [iovec] = []
        vectors.reserveCapacity(buffers.count)
        func send(_ index: Int) {
            guard index < buffers.count else {
                _ = vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
                return
            }
            buffers[index].withUnsafeBytes { bytes in
                vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress), iov_len: bytes.count))
                send(index + 1)
            }
        }
        send(0)
    }
}
