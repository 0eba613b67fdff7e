import CSystemd
import Glibc

/// A socket the service manager opened and passed to this process (sd_listen_fds(3)): a
/// `.socket` unit's `ListenStream=`, with its `FileDescriptorName=` (default: the socket unit's name).
public struct ListenedSocket: Sendable, Equatable {
    /// The descriptor, from 3 (`SD_LISTEN_FDS_START`) on.
    public var fileDescriptor: Int32
    /// Its name from `$LISTEN_FDNAMES`, `"unknown"` when none was given.
    public var name: String
}

/// Socket activation: the sockets systemd passed through `$LISTEN_FDS`, `$LISTEN_PID` and
/// `$LISTEN_FDNAMES`. They only count when `$LISTEN_PID` is this process, so a child never serves
/// sockets meant for its parent.
public enum SocketActivation {
    /// Every passed descriptor (marked close-on-exec), in order; empty when none was passed.
    public static func listenedSockets() throws(SystemdError) -> [ListenedSocket] {
        // Counted first: names left for another process ($LISTEN_PID) must not make ours fail.
        let passed = sd_listen_fds(0)
        if passed < 0 { throw .listenFDsMisconfigured(errno: -passed) }
        guard passed > 0 else { return [] }
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = sd_listen_fds_with_names(0, &names)
        if count < 0 { throw .listenFDsMisconfigured(errno: -count) }
        defer {
            if let names {
                for index in 0..<Int(count) { free(names[index]) }
                free(names)
            }
        }
        return (0..<count).map { index in
            let name = names?[Int(index)].map { String(cString: $0) } ?? "unknown"
            return ListenedSocket(fileDescriptor: SD_LISTEN_FDS_START + index, name: name)
        }
    }

    /// The passed socket to serve HTTP on: the one named `name` when given, else the only one;
    /// nil when nothing was passed. Throws when it is not a listening stream socket.
    public static func listeningStreamSocket(named name: String? = nil) throws(SystemdError) -> ListenedSocket? {
        let sockets = try listenedSockets()
        let chosen = name.flatMap { wanted in sockets.first { $0.name == wanted } } ?? sockets.first
        guard let chosen else { return nil }
        guard sd_is_socket(chosen.fileDescriptor, AF_UNSPEC, Int32(SOCK_STREAM.rawValue), 1) > 0 else {
            throw .notAListeningStreamSocket(fileDescriptor: chosen.fileDescriptor, name: chosen.name)
        }
        return chosen
    }
}
