#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird

/// Reads request bodies as JSON, or as `application/x-www-form-urlencoded` when the request says
/// so (the login form of the API document), and turns decoding failures into the API's errors:
/// malformed input is 400 ``APIErrorCode/malformedJSON``, missing or mistyped fields are 422
/// ``APIErrorCode/validationError`` naming the field path, an oversized body is 413 and any other
/// content type is 415.
public struct APIRequestDecoder: RequestDecoder {
    /// A decoder; it keeps no state.
    public init() {}

    /// Decodes `type` from the body of `request`.
    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.payloadTooLarge, "The request body is larger than \(context.maxUploadSize) bytes")
        }
        let mediaType = request.headers[.contentType].flatMap(MediaType.init(from:))
        do {
            switch mediaType {
            case .some(let media) where media.isType(.applicationUrlEncoded):
                do {
                    return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: buffer))
                } catch let error as DecodingError {
                    throw Self.apiError(for: error, wasForm: true)
                } catch {
                    throw APIError(.badRequest, "The form body could not be read: \(error)")
                }
            case .none:
                return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
            case .some(let media) where media.isType(.applicationJson) || media.subType.hasSuffix("+json"):
                return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
            case .some(let media):
                throw APIError(.unsupportedMediaType, "Content-Type '\(media)' is not supported: send application/json")
            }
        } catch let error as DecodingError {
            throw Self.apiError(for: error, wasForm: mediaType?.isType(.applicationUrlEncoded) ?? false)
        }
    }

    /// The API error for a decoding failure.
    static func apiError(for error: DecodingError, wasForm: Bool) -> APIError {
        switch error {
        case .keyNotFound(let key, let context):
            return .validation([FieldProblem(path(context.codingPath + [key], wasForm: wasForm), "field required")])
        case .valueNotFound(_, let context):
            return .validation([FieldProblem(path(context.codingPath, wasForm: wasForm), "must not be null")])
        case .typeMismatch(let type, let context):
            return .validation([FieldProblem(path(context.codingPath, wasForm: wasForm), "expected \(describe(type))")])
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return .validation([FieldProblem(path(context.codingPath, wasForm: wasForm), context.debugDescription)])
        case .dataCorrupted:
            return wasForm
                ? APIError(.badRequest, "The form body could not be read")
                : APIError(.malformedJSON, "The request body is not valid JSON")
        @unknown default:
            return APIError(.badRequest, "The request body could not be read")
        }
    }

    /// `body.config.nodes[0].id` from a coding path.
    static func path(_ codingPath: [any CodingKey], wasForm: Bool) -> String {
        var text = wasForm ? "form" : "body"
        for key in codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += "." + key.stringValue }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Bool": return "a boolean"
        case "Int", "Int64", "Int32": return "an integer"
        case "Double", "Float": return "a number"
        default:
            if name.hasPrefix("Array<") { return "an array" }
            if name.hasPrefix("Dictionary<") { return "an object" }
            return "a valid value"
        }
    }
}
