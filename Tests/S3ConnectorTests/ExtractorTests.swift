import Foundation
import Pipelines
import S3Client
import Testing

/// The `s3` extractor through the pipeline engine: objects in the test server → a local file.
@Suite struct ExtractorTests {
    /// Puts `objects`, runs s3 extractor (`config`) → `loader` file, and returns that file.
    func extract(_ objects: [String: [UInt8]], _ config: [String: JSONValue], loader: String = "csv") async throws -> String {
        let s3 = try await S3Workspace()
        for (key, body) in objects { try await s3.client.putObject(bucket: s3.bucket, key: key, body: body) }
        var extractor = config
        extractor["bucket"] = .string(s3.bucket)
        extractor["connection_id"] = "lake"
        try await s3.run(
            [("in", "extractor", "s3", .object(extractor)), ("out", "loader", loader, ["path": .string("out." + loader)])], edges: [("in", "out")])
        return try s3.readFile("out." + loader)
    }

    let first = Array("id,name\n1,a\n2,b\n".utf8)
    let second = Array("id,name\n3,c\n".utf8)

    @Test func csvObjectsUnderAPrefixInKeyOrder() async throws {
        let text = try await extract(["in/1.csv": first, "in/2.csv": second, "elsewhere/3.csv": second], ["prefix": "in/", "format": "csv"])
        #expect(text == "id,name\n1,a\n2,b\n3,c\n")
    }

    @Test func gzippedObjectsAreInflatedBySuffixOrMagicNumber() async throws {
        let objects = [
            "z/1.csv.gz": try gzip("id,name\n1,a\n2,b\n"),
            "z/2.csv": try gzip("id,name\n3,c\n"),  // gzipped without the suffix
        ]
        #expect(try await extract(objects, ["prefix": "z/"]) == "id,name\n1,a\n2,b\n3,c\n")
    }

    @Test func aGlobSelectsKeysAcrossDirectories() async throws {
        let objects = [
            "logs/2024/01/a.jsonl": Array("{\"id\":1}\n{\"id\":2}".utf8),  // no final newline
            "logs/2024/02/b.jsonl.gz": try gzip("{\"id\":3}\n"),
            "logs/2024/02/skip.csv": second,
            "logs/c.jsonl": Array("{\"id\":4}\n".utf8),
        ]
        #expect(try await extract(objects, ["glob": "logs/**/*.jsonl*", "format": "jsonl"]) == "id\n1\n2\n3\n4\n")
        #expect(try await extract(objects, ["glob": "logs/*/0?/*.jsonl", "format": "jsonl"]) == "id\n1\n2\n")
    }

    @Test func laterCSVObjectsKeepTheTypesOfTheFirst() async throws {
        // The second object alone would be typed int64; it is read as the first one's float64.
        let objects = ["t/1.csv": Array("id,score\n1,0.5\n".utf8), "t/2.csv": Array("id,score\n2,3\n".utf8)]
        #expect(try await extract(objects, ["prefix": "t/"], loader: "jsonl") == "{\"id\":1,\"score\":0.5}\n{\"id\":2,\"score\":3}\n")
    }

    @Test func aTruncatedGzipObjectFailsTheRun() async throws {
        var broken = try gzip(String(repeating: "id\n1\n", count: 1000))
        broken.removeLast(20)
        await #expect(throws: (any Error).self) { try await extract(["b/x.csv.gz": broken], ["prefix": "b/"]) }
    }
}
