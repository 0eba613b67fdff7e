import Glibc

/// systemd.exec(5)'s test for "is my standard error the journal?": `$JOURNAL_STREAM` holds the
/// `device:inode` of the stream systemd connected to journald, and it only counts when it matches
/// the descriptor the service actually writes to (a child whose stderr was redirected inherits the
/// variable but not the stream).
public enum JournalStream {
    /// Whether `fileDescriptor` (standard error by default) is the journal stream `environment` names.
    public static func isConnected(environment: [String: String], fileDescriptor: Int32 = STDERR_FILENO) -> Bool {
        guard let value = environment["JOURNAL_STREAM"], let expected = parse(value) else { return false }
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0 else { return false }
        return UInt64(status.st_dev) == expected.device && UInt64(status.st_ino) == expected.inode
    }

    /// `device:inode`, both decimal, as systemd writes it.
    static func parse(_ value: String) -> (device: UInt64, inode: UInt64)? {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        return (device, inode)
    }
}
