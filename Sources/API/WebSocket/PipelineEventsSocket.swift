#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import NIOWebSocket
import Pipelines
import Store

/// `/ws/pipeline/{pipeline_id}`: streams `execution_update` and `log` messages of the pipeline's
/// executions, read from the ``ExecutionEvents`` broadcaster.
///
/// Browsers cannot set headers on a WebSocket, so the credential (access token or API key) comes
/// as `?token=…` or as a `Sec-WebSocket-Protocol` entry next to `bearer`
/// (`new WebSocket(url, ["bearer", token])`; the server selects `bearer`). A connection without
/// a valid credential is closed with 1008 (policy violation); one for an unknown pipeline with
/// 4404. A slow client loses the oldest undelivered messages, never the server's memory.
struct PipelineEventsSocket {
    let services: APIServices

    /// Undelivered messages kept per client.
    static let bufferedEvents = 256
    static let path: RouterPath = "/ws/pipeline/{pipeline_id}"

    func register(on router: Router<APIRequestContext>) {
        router.ws(Self.path, shouldUpgrade: { request, _ in
            let offersBearer = Self.offeredProtocols(request.headers).contains("bearer")
            return .upgrade(offersBearer ? [.secWebSocketProtocol: "bearer"] : [:])
        }, onUpgrade: { inbound, outbound, context in
            try await serve(request: context.request, parameters: context.requestContext.parameters, inbound: inbound, outbound: outbound)
        })
    }

    /// On the HTTP router: a plain `GET` of the WebSocket path (no upgrade) answers 426.
    static func registerPlainRequestAnswer(on router: Router<APIRequestContext>) {
        router.get(path) { _, _ -> Response in
            throw APIError(.badRequest, "This endpoint speaks WebSocket: send an Upgrade request", headers: [.upgrade: "websocket"])
        }
    }

    private func serve(
        request: Request, parameters: Parameters, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter
    ) async throws {
        guard let credential = Self.credential(in: request) else {
            try await outbound.close(.policyViolation, reason: "authentication required")
            return
        }
        do {
            _ = try await services.authenticator.authenticate(credential)
        } catch {
            try await outbound.close(.policyViolation, reason: "invalid credentials")
            return
        }
        guard let pipelineID = parameters.get("pipeline_id").flatMap(UUID.init(uuidString:)),
            try await services.store.pipeline(id: pipelineID) != nil
        else {
            try await outbound.close(.unknown(4404), reason: "pipeline not found")
            return
        }
        let events = services.events.subscribe(buffering: .newest(Self.bufferedEvents))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // Reading until the client closes; messages from the client are ignored.
                for try await _ in inbound {}
            }
            group.addTask {
                var translator = PipelineEventTranslator()
                for await event in events where event.reference.pipelineID == pipelineID {
                    guard let message = translator.message(for: event) else { continue }
                    try await outbound.write(.text(message.text))
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The credential of an upgrade request: `?token=` or the non-`bearer` protocol entry.
    static func credential(in request: Request) -> String? {
        if let token = request.uri.queryParameters.get("token"), !token.isEmpty { return token }
        let protocols = offeredProtocols(request.headers)
        guard protocols.contains("bearer") else { return nil }
        return protocols.first { $0 != "bearer" }
    }

    static func offeredProtocols(_ headers: HTTPFields) -> [String] {
        headers[values: .secWebSocketProtocol].flatMap { $0.split(separator: ",") }.map {
            String($0.filter { !$0.isWhitespace })
        }
    }
}
