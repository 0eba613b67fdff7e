import Foundation
import S3Client
import Testing

/// The client against the real test server: objects, listing pages, multipart uploads.
@Suite struct ClientTests {
    @Test func putGetAndHeadBucket() async throws {
        let s3 = try await S3Workspace()
        try await s3.client.headBucket(s3.bucket)
        let key = "dir/with space+plus/ü.txt"
        try await s3.client.putObject(bucket: s3.bucket, key: key, body: Array("hello\n".utf8), contentType: "text/plain")
        #expect(try await s3.text(key) == "hello\n")
        #expect(try await s3.keys("dir/") == [key])
    }

    @Test func aMissingBucketIsATypedErrorWithTheServiceCode() async throws {
        let s3 = try await S3Workspace()
        do {
            _ = try await s3.client.getObject(bucket: s3.bucket + "-missing", key: "x")
            Issue.record("expected an error")
        } catch let error as S3Error {
            #expect(error.status == 404)
            #expect(error.code == "NoSuchBucket")
            #expect(error.description.contains("GetObject"))
        }
    }

    @Test func listingFollowsContinuationTokensAcrossPages() async throws {
        let s3 = try await S3Workspace()
        let keys = (0..<25).map { "many/\(String(format: "%03d", $0)).txt" }
        let (client, bucket) = (s3.client, s3.bucket)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for key in keys { group.addTask { try await client.putObject(bucket: bucket, key: key, body: [1]) } }
            try await group.waitForAll()
        }
        try await s3.client.putObject(bucket: s3.bucket, key: "other.txt", body: [1])
        let first = try await s3.client.listObjectsPage(bucket: s3.bucket, prefix: "many/", maxKeys: 10)
        #expect(first.objects.count == 10)
        #expect(first.nextContinuationToken != nil)
        let all = try await s3.client.listObjects(bucket: s3.bucket, prefix: "many/", pageSize: 7)
        #expect(all.map(\.key) == keys)
        #expect(all.allSatisfy { $0.size == 1 })
    }

    @Test func aMultipartUploadOfThreePartsIsOneObjectOnlyAfterCompletion() async throws {
        let s3 = try await S3Workspace()
        let partSize = S3MultipartWriter.minimumPartSize
        let writer = try await S3MultipartWriter(client: s3.client, bucket: s3.bucket, key: "big.bin", partSize: partSize, concurrency: 2)
        var expected: [UInt8] = []
        for chunk in 0..<11 {
            let bytes = [UInt8](repeating: UInt8(chunk), count: partSize / 4 + 12_345)
            expected += bytes
            try await writer.write(bytes)
        }
        let uploaded = try await writer.finish()
        #expect(uploaded.parts.map(\.partNumber) == [1, 2, 3])
        #expect(try await s3.keys().isEmpty)
        try await uploaded.complete(using: s3.client)
        #expect(try await s3.bytes("big.bin") == expected)
    }

    @Test func anAbortedUploadLeavesNeitherObjectNorUpload() async throws {
        let s3 = try await S3Workspace()
        let writer = try await S3MultipartWriter(client: s3.client, bucket: s3.bucket, key: "gone.bin", partSize: S3MultipartWriter.minimumPartSize)
        try await writer.write([UInt8](repeating: 7, count: S3MultipartWriter.minimumPartSize + 10))
        #expect(try await s3.client.listMultipartUploads(bucket: s3.bucket).map(\.key) == ["gone.bin"])
        await writer.abort()
        #expect(try await s3.client.listMultipartUploads(bucket: s3.bucket).isEmpty)
        #expect(try await s3.keys().isEmpty)
    }

    @Test func anEmptyObjectUploadsAsOneEmptyPart() async throws {
        let s3 = try await S3Workspace()
        let writer = try await S3MultipartWriter(client: s3.client, bucket: s3.bucket, key: "empty.bin")
        try await writer.finish().complete(using: s3.client)
        #expect(try await s3.bytes("empty.bin").isEmpty)
    }
}
