import API
import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import NIOWebSocket
import Pipelines
import Store
import Synchronization
import Testing

@Suite("Pipeline WebSocket")
struct WebSocketTests {
    @Test("a real client receives execution_update and log messages of its pipeline only")
    func receivesUpdates() async throws {
        let harness = try await APIHarness.make()
        let pipeline = try await harness.pipeline()
        let other = try await harness.pipeline(name: "Other")
        try await harness.run { api in
            let token = try #require(api.tokens[.viewer])
            let execution = UUID()
            let reference = ExecutionReference(executionID: execution, pipelineID: pipeline.id)
            let publisher = Task {
                while harness.events.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
                harness.events.publish(.progress(ExecutionReference(executionID: UUID(), pipelineID: other.id), percent: 5, currentNodeID: "x"))
                harness.events.publish(.status(reference, .running, at: Date()))
                harness.events.publish(.progress(reference, percent: 45, currentNodeID: "node-2"))
                harness.events.publish(.log(reference, .init(
                    timestamp: Date(timeIntervalSince1970: 1_737_338_405), level: .info, nodeID: "node-2", message: "Processing batch 3/10")))
                harness.events.publish(.status(reference, .success, at: Date()))
            }
            defer { publisher.cancel() }
            let messages = MessageBox()
            try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(api.port)/ws/pipeline/\(pipeline.id)?token=\(token)", logger: Logger(label: "ws")
            ) { inbound, outbound, _ in
                for try await message in inbound.messages(maxSize: 1 << 16) {
                    guard case .text(let text) = message else { continue }
                    let count = messages.append(text)
                    if count == 4 { try await outbound.close(.normalClosure, reason: nil) }
                }
            }
            let received = messages.values
            #expect(received.count == 4)
            guard received.count == 4 else { return }
            #expect(received[0]["type"] as? String == "execution_update" && received[0]["status"] as? String == "running")
            #expect(received[1]["progress"] as? Int == 45 && received[1]["current_node"] as? String == "node-2")
            #expect(received[1]["execution_id"] as? String == execution.uuidString.lowercased())
            #expect(received[2]["type"] as? String == "log" && received[2]["level"] as? String == "INFO")
            #expect(received[2]["timestamp"] as? String == "2025-01-20T02:00:05Z")
            #expect(received[2]["message"] as? String == "Processing batch 3/10")
            #expect(received[3]["status"] as? String == "success" && received[3]["progress"] as? Int == 100)
        }
    }

    @Test("the token may come as a Sec-WebSocket-Protocol entry; without a valid one the socket closes with 1008")
    func authentication() async throws {
        let harness = try await APIHarness.make()
        let pipeline = try await harness.pipeline()
        try await harness.run { api in
            let url = "ws://127.0.0.1:\(api.port)/ws/pipeline/\(pipeline.id)"
            for bad in [url, url + "?token=garbage"] {
                let close = try await WebSocketClient.connect(url: bad, logger: Logger(label: "ws")) { inbound, _, _ in
                    for try await _ in inbound {}
                }
                #expect(close?.closeCode == .policyViolation, "\(bad)")
            }
            let token = try #require(api.tokens[.viewer])
            let accepted = try await WebSocketClient.connect(
                url: url, configuration: .init(additionalHeaders: [.secWebSocketProtocol: "bearer, \(token)"]),
                logger: Logger(label: "ws")
            ) { _, outbound, _ in
                try await outbound.close(.normalClosure, reason: "done")
            }
            #expect(accepted?.closeCode == .normalClosure)
            let unknown = try await WebSocketClient.connect(url: "ws://127.0.0.1:\(api.port)/ws/pipeline/\(UUID())?token=\(token)", logger: Logger(label: "ws")) { inbound, _, _ in
                for try await _ in inbound {}
            }
            #expect(unknown?.closeCode == .unknown(4404))
            let plain = try await api.send(.get, "/ws/pipeline/\(pipeline.id)")
            #expect(plain.status == .badRequest)
        }
    }
}

/// Messages gathered by the client's handler, as JSON text.
final class MessageBox: Sendable {
    private let storage = Mutex<[String]>([])

    /// Adds a message; returns how many there are.
    func append(_ text: String) -> Int {
        storage.withLock { $0.append(text); return $0.count }
    }

    /// The messages, parsed.
    var values: [[String: Any]] {
        storage.withLock { $0 }.map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:] }
    }
}
