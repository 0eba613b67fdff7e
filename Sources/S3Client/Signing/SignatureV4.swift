import Crypto

/// AWS Signature Version 4 for S3 with header authentication (`Authorization:
/// AWS4-HMAC-SHA256 …`). Pure: the caller supplies the time, so the published AWS examples are
/// reproducible byte for byte.
public struct SignatureV4: Sendable {
    public var credentials: S3Credentials
    public var region: String
    public var service: String

    public init(credentials: S3Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The `x-amz-content-sha256` value of a payload (lower-case hex SHA-256).
    public static func payloadHash(_ payload: [UInt8]) -> String { hex(SHA256.hash(data: payload)) }

    /// The hash of an empty payload.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// Returns `headers` plus `x-amz-date`, `x-amz-content-sha256`, `x-amz-security-token` (with
    /// a session token) and `Authorization`. `headers` must include `host`; `path` is the
    /// request path before encoding (`/bucket/key`), `query` the decoded query items.
    public func sign(
        method: String, path: String, query: [(String, String)], headers: [(String, String)], payloadHash: String, date: AmzDate
    ) -> [(String, String)] {
        var signed = headers
        signed.append(("x-amz-date", date.timestamp))
        signed.append(("x-amz-content-sha256", payloadHash))
        if let token = credentials.sessionToken { signed.append(("x-amz-security-token", token)) }
        let request = canonicalRequest(method: method, path: path, query: query, headers: signed, payloadHash: payloadHash)
        let scope = "\(date.day)/\(region)/\(service)/aws4_request"
        let stringToSign = "AWS4-HMAC-SHA256\n\(date.timestamp)\n\(scope)\n\(Self.hex(SHA256.hash(data: Array(request.text.utf8))))"
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey(day: date.day)))
        signed.append((
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(request.signedHeaders), Signature=\(signature)"
        ))
        return signed
    }

    /// The canonical request text and the signed header list.
    public func canonicalRequest(
        method: String, path: String, query: [(String, String)], headers: [(String, String)], payloadHash: String
    ) -> (text: String, signedHeaders: String) {
        let encoded: [(name: String, value: String)] = query.map { (URIEncoding.encode($0.0), URIEncoding.encode($0.1)) }
        let sorted = encoded.sorted { $0.name == $1.name ? $0.value < $1.value : $0.name < $1.name }
        let canonicalQuery = sorted.map { $0.name + "=" + $0.value }.joined(separator: "&")
        var merged: [String: [String]] = [:]
        for (name, value) in headers { merged[name.lowercased(), default: []].append(Self.trimmed(value)) }
        let names = merged.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(merged[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let text = [method, URIEncoding.encode(path, keepSlash: true), canonicalQuery, canonicalHeaders, signedHeaders, payloadHash]
            .joined(separator: "\n")
        return (text, signedHeaders)
    }

    /// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request")`.
    func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }

    /// Leading and trailing spaces removed, inner runs of spaces collapsed to one.
    private static func trimmed(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in digest {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
