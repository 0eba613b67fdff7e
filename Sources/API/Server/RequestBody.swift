#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird

extension Request {
    /// The body decoded as `type` by the context's ``APIRequestDecoder`` (errors in the API's shape).
    func decodeBody<T: Decodable>(_ type: T.Type, context: APIRequestContext) async throws -> T {
        try await context.requestDecoder.decode(type, from: self, context: context)
    }

    /// Like ``decodeBody(_:context:)``, but an empty body gives nil (routes whose body is optional).
    mutating func decodeOptionalBody<T: Decodable>(_ type: T.Type, context: APIRequestContext) async throws -> T? {
        let buffer: ByteBuffer
        do {
            buffer = try await collectBody(upTo: context.maxUploadSize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.payloadTooLarge, "The request body is larger than \(context.maxUploadSize) bytes")
        }
        guard buffer.readableBytes > 0 else { return nil }
        return try await decodeBody(type, context: context)
    }

    /// The UUID path parameter `name` (404 with `code` when it is not a UUID: no such resource).
    func uuidParameter(_ name: String, context: APIRequestContext, notFound code: APIErrorCode, what: String) throws(APIError)
        -> UUID
    {
        let text = context.parameters.get(name) ?? ""
        guard let id = UUID(uuidString: text) else { throw .notFound(code, what, id: text) }
        return id
    }
}

extension String {
    /// Whether the text is empty or only white space (any Unicode white space, as JSON Schema's `\\S` sees it).
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
