import Foundation
import ParquetChecking
import Pipelines
import S3Client
import Testing

/// The `s3` loader through the pipeline engine against the real test server.
@Suite struct LoaderTests {
    /// csv file → s3 loader with `config`; returns the workspace and the keys written.
    func load(_ config: [String: JSONValue], rows: Int = 10, extra: [(String, String, String, JSONValue)] = []) async throws -> (S3Workspace, [String]) {
        let s3 = try await S3Workspace()
        try s3.writeFile("people.csv", S3Workspace.peopleCSV(rows: rows))
        var loader = config
        loader["bucket"] = .string(s3.bucket)
        let outcome = try await s3.run(
            [("in", "extractor", "csv", ["path": "people.csv"]), ("out", "loader", "s3", .object(loader))], edges: [("in", "out")])
        #expect(outcome.rowsProcessed == Int64(rows))
        return (s3, try await s3.keys())
    }

    @Test func csvObjectsAreNamedByExecutionAndPart() async throws {
        let (s3, keys) = try await load(["connection_id": "lake", "path": "processed/users/", "format": "csv"])
        #expect(keys == ["processed/users/\(s3.executionID.uuidString.lowercased())-00001.csv"])
        #expect(try await s3.text(keys[0]) == S3Workspace.peopleCSV(rows: 10))
    }

    @Test func gzippedCSVIsReadableByGzip() async throws {
        let (s3, keys) = try await load(["connection_id": "lake", "path": "gz", "format": "csv", "compression": "gzip"], rows: 20_000)
        #expect(keys.count == 1)
        #expect(keys[0].hasPrefix("gz/") && keys[0].hasSuffix("-00001.csv.gz"))
        #expect(try gunzip(try await s3.bytes(keys[0])) == S3Workspace.peopleCSV(rows: 20_000))
    }

    @Test func jsonLinesPlainAndGzipped() async throws {
        for compression in ["none", "gzip"] {
            let (s3, keys) = try await load(["connection_id": "lake", "format": "jsonl", "compression": .string(compression)], rows: 2)
            let expected = "{\"id\":1,\"name\":\"person 1\",\"score\":1.5}\n{\"id\":2,\"name\":\"person 2\",\"score\":2.5}\n"
            if compression == "gzip" {
                #expect(keys[0].hasSuffix("-00001.jsonl.gz"))
                #expect(try gunzip(try await s3.bytes(keys[0])) == expected)
            } else {
                #expect(keys[0].hasSuffix("-00001.jsonl"))
                #expect(try await s3.text(keys[0]) == expected)
            }
        }
    }

    @Test func maxRowsPerFileSplitsIntoNumberedObjectsEachWithAHeader() async throws {
        let (s3, keys) = try await load(["connection_id": "lake", "format": "csv", "max_rows_per_file": 4], rows: 10)
        let stem = s3.executionID.uuidString.lowercased()
        #expect(keys == ["\(stem)-00001.csv", "\(stem)-00002.csv", "\(stem)-00003.csv"])
        var rows: [String] = []
        for key in keys {
            let lines = try await s3.text(key).split(separator: "\n").map(String.init)
            #expect(lines.first == "id,name,score")
            rows += lines.dropFirst()
        }
        #expect(rows.count == 10)
        #expect(rows.first == "1,person 1,1.5")
    }

    @Test func maxBytesPerFileStartsNewObjects() async throws {
        let (s3, keys) = try await load(["connection_id": "lake", "format": "jsonl", "max_bytes_per_file": 50_000], rows: 5_000)
        #expect(keys.count > 2)
        var lines = 0
        for key in keys { lines += try await s3.text(key).split(separator: "\n").count }
        #expect(lines == 5_000)
    }

    @Test func parquetObjectsAreReadBackByPyArrow() async throws {
        for compression in ["snappy", "zstd"] {
            let (s3, keys) = try await load(["connection_id": "lake", "path": "lake/", "format": "parquet", "compression": .string(compression)], rows: 100)
            #expect(keys.count == 1 && keys[0].hasSuffix("-00001.parquet"))
            let file = s3.root + "/check.parquet"
            try Data(try await s3.bytes(keys[0])).write(to: URL(fileURLWithPath: file))
            let report = try PyArrowReport(reading: file)
            #expect(report.rowCount == 100)
            #expect(report.json["values"]?["id"]?.arrayValue?.prefix(3) == [1, 2, 3])
            #expect(report.json["values"]?["name"]?.arrayValue?.last == "person 100")
            #expect(report.json["row_groups"]?.arrayValue?.first?["columns"]?.arrayValue?.first?["compression"] == .string(compression.uppercased()))
        }
    }

    @Test func parquetSplitByRowsGivesWholeFiles() async throws {
        let (s3, keys) = try await load(["connection_id": "lake", "format": "parquet", "max_rows_per_file": 3_000], rows: 10_000)
        #expect(keys.count == 4)
        var total: Int64 = 0
        for key in keys {
            let file = s3.root + "/part.parquet"
            try Data(try await s3.bytes(key)).write(to: URL(fileURLWithPath: file))
            total += try PyArrowReport(reading: file).rowCount ?? 0
        }
        #expect(total == 10_000)
    }

    @Test func withoutConnectionTheAWSEnvironmentIsUsed() async throws {
        let (s3, keys) = try await load(["path": "env/", "format": "csv"], rows: 3)
        #expect(keys.count == 1)
        #expect(try await s3.text(keys[0]) == S3Workspace.peopleCSV(rows: 3))
    }

    @Test func aFailingRunLeavesNoObjectAndNoUpload() async throws {
        let s3 = try await S3Workspace()
        try s3.writeFile("people.csv", S3Workspace.peopleCSV(rows: 50))
        // The second loader's bucket does not exist, so the run fails; the first loader's
        // upload must be rolled back whether or not it had finished.
        await #expect(throws: (any Error).self) {
            try await s3.run(
                [
                    ("in", "extractor", "csv", ["path": "people.csv"]),
                    ("out", "loader", "s3", ["connection_id": "lake", "bucket": .string(s3.bucket), "format": "csv"]),
                    ("bad", "loader", "s3", ["connection_id": "lake", "bucket": .string(s3.bucket + "-missing"), "format": "csv"]),
                ], edges: [("in", "out"), ("in", "bad")])
        }
        #expect(try await s3.keys().isEmpty)
        // Rollback aborts without waiting: give it a bounded number of looks.
        var pending = try await s3.client.listMultipartUploads(bucket: s3.bucket)
        for _ in 0..<50 where !pending.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            pending = try await s3.client.listMultipartUploads(bucket: s3.bucket)
        }
        #expect(pending.isEmpty)
    }
}
