import Foundation
import Glibc
import Synchronization

/// A loopback TCP proxy for retry tests: its first `failures` connections get one
/// `503 SlowDown` answer (after the request is read whole) and are closed; later ones are
/// piped to the upstream port unchanged. Blocking sockets on threads: a test helper only.
final class FlakyProxy: Sendable {
    let port: Int
    private let listener: Int32
    private let upstreamPort: Int
    private let state: Mutex<(remaining: Int, sent: Int)>

    private init(listener: Int32, port: Int, upstreamPort: Int, failures: Int) {
        self.listener = listener
        self.port = port
        self.upstreamPort = upstreamPort
        state = Mutex((failures, 0))
    }

    /// How many 503 answers were sent.
    var failuresSent: Int { state.withLock { $0.sent } }

    /// Listens on an ephemeral loopback port and starts accepting.
    static func start(upstreamPort: Int, failures: Int) async throws -> FlakyProxy {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound, listen(socket, 16) == 0 else { throw TestSetupError("proxy: cannot listen: \(String(cString: strerror(errno)))") }
        let proxy = FlakyProxy(listener: socket, port: Int(UInt16(bigEndian: address.sin_port)), upstreamPort: upstreamPort, failures: failures)
        Thread.detachNewThread { proxy.acceptLoop() }
        return proxy
    }

    /// Stops accepting (connections in progress finish on their own).
    func stop() { shutdown(listener, Int32(SHUT_RDWR)) }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let fail = state.withLock { state -> Bool in
                guard state.remaining > 0 else { return false }
                state.remaining -= 1
                state.sent += 1
                return true
            }
            Thread.detachNewThread { fail ? Self.answerSlowDown(client) : self.pipe(client) }
        }
    }

    private static func answerSlowDown(_ client: Int32) {
        defer { close(client) }
        var request: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        // Read the head, then as many body bytes as Content-Length says.
        while true {
            let count = read(client, &chunk, chunk.count)
            guard count > 0 else { return }
            request += chunk[..<count]
            guard let headEnd = request.firstRange(of: Array("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: request[..<headEnd.lowerBound], as: UTF8.self).lowercased()
            let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            if request.count - headEnd.upperBound >= length { break }
        }
        let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"
        let answer = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/xml\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
        _ = Array(answer.utf8).withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
    }

    private func pipe(_ client: Int32) {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            close(client)
            close(upstream)
            return
        }
        let answered = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            Self.copy(from: upstream, to: client)
            answered.signal()
        }
        Self.copy(from: client, to: upstream)
        answered.wait()
        close(client)
        close(upstream)
    }

    /// Copies until `source` ends, then closes both directions.
    private static func copy(from source: Int32, to target: Int32) {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(source, &chunk, chunk.count)
            guard count > 0 else { break }
            var done = 0
            while done < count {
                let written = chunk.withUnsafeBytes { write(target, $0.baseAddress! + done, count - done) }
                guard written > 0 else { break }
                done += written
            }
        }
        shutdown(target, Int32(SHUT_WR))
        shutdown(source, Int32(SHUT_RD))
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
