import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Socket activation with systemd's own tool: `systemd-socket-activate` opens the listening
/// socket, then execs the daemon with it as fd 3 and `LISTEN_FDS=1`, `LISTEN_PID=` its own pid
/// and `LISTEN_FDNAMES=http`, as `etl-builder.socket` + systemd do. systemd as PID 1 cannot run
/// here; this is the same protocol from the same code base.
@Suite("Socket activation (real binary)")
struct SocketActivationTests {
    static let activator = URL(fileURLWithPath: "/usr/bin/systemd-socket-activate")

    @Test("the API is served on the socket passed through LISTEN_FDS instead of binding server.port",
          .enabled(if: FileManager.default.isExecutableFile(atPath: activator.path), "needs systemd-socket-activate"),
          .timeLimit(.minutes(2)))
    func servesInheritedSocket() async throws {
        let data = try TemporaryDirectory()
        let port = try freeLoopbackPort()
        let daemon = try DaemonProcess.launch(
            // server.port points elsewhere: the passed socket must win.
            arguments: ["serve", "--port", "1"],
            environment: ["ETL_BUILDER_DATA_DIRECTORY": data.path], workingDirectory: nil, launcher: Self.activator,
            launcherArguments: ["--listen=127.0.0.1:\(port)", "--fdname=http", "-E", "ETL_BUILDER_DATA_DIRECTORY", "-E", "PATH"])
        let base = try #require(URL(string: "http://127.0.0.1:\(port)"))
        // The first request may arrive before the daemon runs: the kernel queues it on the socket.
        try await waitUntilReady(base, diagnostics: daemon.stderr)
        let (body, response) = try await URLSession.shared.data(from: base.appendingPathComponent("/health"))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains(#""status":"healthy""#))
        #expect(daemon.stderr.contains("Listening on the socket passed by the service manager (fd 3, port \(port))"))
        #expect(!daemon.stderr.contains("Listening on http://"), "nothing else was bound")
        #expect(try await daemon.stop() == 0, "\(daemon.stderr)")
    }

    /// A loopback port nobody listens on now.
    private func freeLoopbackPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw CancellationError() }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
