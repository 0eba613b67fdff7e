import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The outermost middleware: gives every request an id (the client's `X-Request-ID` when it is a
/// sane token, else Hummingbird's), echoes it in the response, writes one access-log line per
/// request through swift-log, and turns any error that escaped the inner layers into the
/// document's error body.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let errors: ErrorResponder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let incoming = request.headers[.xRequestID], Self.isAcceptable(incoming) {
            context.logger[metadataKey: "hb.request.id"] = .string(incoming)
        }
        let requestID = context.id
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = errors.response(for: error, request: request, context: context)
        }
        response.headers[.xRequestID] = requestID
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info(
            "\(request.method.rawValue) \(request.uri.path) \(response.status.code)",
            metadata: [
                "http.method": .string(request.method.rawValue),
                "http.path": .string(request.uri.path),
                "http.status": .stringConvertible(response.status.code),
                "duration_ms": .string(String(format: milliseconds)),
                "client": .string(context.clientAddress),
            ])
        return response
    }

    /// Up to 128 characters of `[A-Za-z0-9._-]`, so a client cannot inject text into the log.
    static func isAcceptable(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 128
            && id.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            }
    }
}

extension String {
    /// `value` with three decimals, without Foundation's formatter.
    fileprivate init(format value: Double) {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        self = "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

extension HTTPField.Name {
    /// `X-Request-ID`: the id of the request, in the response and in every log line about it.
    static let xRequestID = HTTPField.Name("X-Request-ID")!
}
