import Foundation
import Glibc
import Synchronization

/// The service manager's end of `$NOTIFY_SOCKET`: a Unix datagram socket in a scratch directory
/// that keeps every datagram the daemon sends, with when it arrived.
final class NotifySocketListener: Sendable {
    let path: String
    private let descriptor: Int32
    private let received = Mutex<[(message: String, at: ContinuousClock.Instant)]>([])

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString.prefix(8)).sock").path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path.utf8.prefix($0.count - 1)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Every datagram so far, in arrival order.
    var messages: [(message: String, at: ContinuousClock.Instant)] {
        drain()
        return received.withLock { $0 }
    }

    /// Waits for the first datagram after index `after` satisfying `predicate`; returns its index.
    func waitFor(
        after: Int = -1, timeout: Duration = .seconds(60), _ predicate: (String) -> Bool
    ) async throws -> (index: Int, message: String, at: ContinuousClock.Instant) {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let all = messages
            if let index = all.indices.first(where: { $0 > after && predicate(all[$0].message) }) {
                return (index, all[index].message, all[index].at)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw NotifyTimeout(received: messages.map(\.message))
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            guard count >= 0 else { return }
            let message = String(decoding: buffer[..<count], as: UTF8.self)
            received.withLock { $0.append((message, ContinuousClock.now)) }
        }
    }

    deinit {
        close(descriptor)
        unlink(path)
    }
}

struct NotifyTimeout: Error, CustomStringConvertible {
    let received: [String]
    var description: String { "the expected notification did not arrive; received: \(received)" }
}
