import S3Client
import Testing

/// The header-authentication examples of AWS's "Signature Calculations for the Authorization
/// Header" page (Amazon S3 API reference): bucket `examplebucket`, us-east-1, 2013-05-24.
@Suite struct SignatureV4Tests {
    let signer = SignatureV4(
        credentials: S3Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1")
    let date = AmzDate(secondsSince1970: 1_369_353_600)
    let host = ("host", "examplebucket.s3.amazonaws.com")

    func authorization(_ headers: [(String, String)]) -> String? { headers.first { $0.0 == "Authorization" }?.1 }

    @Test func theSigningTimeHasBothForms() {
        #expect(date.timestamp == "20130524T000000Z")
        #expect(date.day == "20130524")
    }

    @Test func getObjectWithRange() {
        let headers = signer.sign(
            method: "GET", path: "/test.txt", query: [], headers: [host, ("Range", "bytes=0-9")], payloadHash: SignatureV4.emptyPayloadHash,
            date: date)
        #expect(
            authorization(headers)
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func theCanonicalRequestOfGetObjectIsTheDocumentedOne() {
        let request = signer.canonicalRequest(
            method: "GET", path: "/test.txt", query: [],
            headers: [host, ("Range", "bytes=0-9"), ("x-amz-content-sha256", SignatureV4.emptyPayloadHash), ("x-amz-date", "20130524T000000Z")],
            payloadHash: SignatureV4.emptyPayloadHash)
        #expect(
            request.text == """
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
    }

    @Test func putObjectWithAnEncodedKeyAndAPayload() {
        let payload = Array("Welcome to Amazon S3.".utf8)
        let hash = SignatureV4.payloadHash(payload)
        #expect(hash == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let headers = signer.sign(
            method: "PUT", path: "/test$file.text", query: [],
            headers: [("Date", "Fri, 24 May 2013 00:00:00 GMT"), host, ("x-amz-storage-class", "REDUCED_REDUNDANCY")], payloadHash: hash,
            date: date)
        #expect(
            authorization(headers)
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test func getBucketLifecycleWithAValuelessQueryItem() {
        let headers = signer.sign(method: "GET", path: "/", query: [("lifecycle", "")], headers: [host], payloadHash: SignatureV4.emptyPayloadHash, date: date)
        #expect(authorization(headers)?.hasSuffix("Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543") == true)
    }

    @Test func listObjectsWithSortedQueryItems() {
        let headers = signer.sign(
            method: "GET", path: "/", query: [("prefix", "J"), ("max-keys", "2")], headers: [host], payloadHash: SignatureV4.emptyPayloadHash, date: date)
        #expect(authorization(headers)?.hasSuffix("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7") == true)
    }

    @Test func aSessionTokenIsSentAndSigned() {
        var withToken = signer
        withToken.credentials.sessionToken = "token/with+chars"
        let headers = withToken.sign(method: "GET", path: "/", query: [], headers: [host], payloadHash: SignatureV4.emptyPayloadHash, date: date)
        #expect(headers.contains { $0 == ("x-amz-security-token", "token/with+chars") })
        #expect(authorization(headers)?.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,") == true)
    }
}
