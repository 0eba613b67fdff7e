import Foundation
import HTTPTypes
import Hummingbird

/// Encodes response bodies with the API's conventions: snake_case keys as written in the
/// `CodingKeys` of each type, ISO-8601 dates, `application/json` content type.
enum JSONResponse {
    /// A response whose body is `value` as JSON.
    static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        response(body: try body(value), status: status, headers: headers)
    }

    /// The JSON bytes of `value`.
    static func body(_ value: some Encodable) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ByteBuffer(bytes: try encoder.encode(value))
    }

    /// A JSON response with an already encoded `body`.
    static func response(body: ByteBuffer, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}
