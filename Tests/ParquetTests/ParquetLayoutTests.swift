import Foundation
import Parquet
import ParquetChecking
import Pipelines
import Testing

/// Row groups, empty files, dictionary fallback and statistics as pyarrow sees them.
@Suite("Parquet layout")
struct ParquetLayoutTests {
    static let schema = Schema([Field(name: "id", type: .int64), Field(name: "status", type: .string)])

    static func batches(rows: Int, batchSize: Int = 700) throws -> [RecordBatch] {
        try stride(from: 0, to: rows, by: batchSize).map { start in
            try batch(schema, (start..<min(rows, start + batchSize)).map { [.int(Int64($0)), .string(["new", "paid", "shipped"][$0 % 3])] })
        }
    }

    @Test func rowGroupsCloseAtTheRowLimitAndKeepTheirOwnStatistics() async throws {
        let scratch = try ScratchDirectory()
        let (path, summary) = try await scratch.write(
            "groups.parquet", schema: Self.schema, batches: try Self.batches(rows: 2500), options: ParquetWriterOptions(rowGroupRows: 1000))
        #expect(summary.rowGroups == 3)
        let report = try PyArrowReport(reading: path)
        #expect(report.rowGroups.map { $0["num_rows"] } == [.integer(1000), .integer(1000), .integer(500)])
        #expect(report.values("id") == (0..<2500).map { .integer(Int64($0)) })
        for (group, range) in [(0, 0...999), (1, 1000...1999), (2, 2000...2499)] {
            let statistics = report.chunk(group: group, column: 0)?["statistics"]
            #expect(statistics?["min_raw"] == .integer(Int64(range.lowerBound)))
            #expect(statistics?["max_raw"] == .integer(Int64(range.upperBound)))
            #expect(statistics?["null_count"] == .integer(0))
        }
    }

    @Test func rowGroupsCloseAtTheByteLimit() async throws {
        let scratch = try ScratchDirectory()
        let options = ParquetWriterOptions(compression: .none, rowGroupBytes: 16 << 10, dataPageBytes: 4 << 10)
        let (path, summary) = try await scratch.write("bytes.parquet", schema: Self.schema, batches: try Self.batches(rows: 20_000), options: options)
        #expect(summary.rowGroups > 3)
        let report = try PyArrowReport(reading: path)
        #expect(report.rowCount == 20_000)
        #expect(report.rowGroups.count == summary.rowGroups)
        #expect(report.values("id") == (0..<20_000).map { .integer(Int64($0)) })
    }

    @Test func aFileWithoutRowsKeepsItsSchema() async throws {
        let scratch = try ScratchDirectory()
        let (path, summary) = try await scratch.write("empty.parquet", schema: ParquetTypesTests.schema, batches: [])
        #expect(summary.rows == 0)
        #expect(summary.rowGroups == 0)
        let report = try PyArrowReport(reading: path)
        #expect(report.rowCount == 0)
        #expect(report.columns.map { $0["name"]?.stringValue } == ParquetTypesTests.schema.names)
        #expect(report.column("amount")?["arrow_type"] == "decimal128(12, 2)")
    }

    @Test func emptyRowGroupsAreReadable() async throws {
        let scratch = try ScratchDirectory()
        let file = scratch.path + "/holes.parquet"
        let sink = try FileSink(path: file)
        let writer = try ParquetWriter(schema: Self.schema, sink: sink)
        try await writer.flushRowGroup()
        for batch in try Self.batches(rows: 10) { try await writer.write(batch) }
        try await writer.flushRowGroup()
        try await writer.flushRowGroup()
        let summary = try await writer.close()
        try sink.close()
        #expect(summary.rowGroups == 3)
        let report = try PyArrowReport(reading: file)
        #expect(report.rowGroups.map { $0["num_rows"] } == [.integer(0), .integer(10), .integer(0)])
        #expect(report.values("status").prefix(4) == ["new", "paid", "shipped", "new"])
    }

    @Test func lowCardinalityColumnsUseADictionaryAndLargeOnesFallBackToPlain() async throws {
        let scratch = try ScratchDirectory()
        let schema = Schema([Field(name: "status", type: .string), Field(name: "note", type: .string), Field(name: "flag", type: .bool)])
        let rows: [[Value]] = (0..<30_000).map { index in
            [.string(["new", "paid", "shipped"][index % 3]), .string("note number \(index) " + String(repeating: "x", count: index % 17)), .bool(index % 2 == 0)]
        }
        let batches = try stride(from: 0, to: rows.count, by: 8192).map { try batch(schema, Array(rows[$0..<min(rows.count, $0 + 8192)])) }
        let (path, _) = try await scratch.write(
            "dictionary.parquet", schema: schema, batches: batches, options: ParquetWriterOptions(dictionaryPageBytes: 64 << 10))
        let report = try PyArrowReport(reading: path)
        let status = try #require(report.chunk(group: 0, column: 0))
        #expect(status["has_dictionary_page"] == true)
        #expect(status["encodings"]?.arrayValue?.contains("RLE_DICTIONARY") == true)
        #expect(status["encodings"]?.arrayValue?.contains("PLAIN") == true)  // the dictionary page itself
        let note = try #require(report.chunk(group: 0, column: 1))
        #expect(note["has_dictionary_page"] == true)
        #expect(note["encodings"]?.arrayValue?.contains("RLE_DICTIONARY") == true)
        #expect(note["encodings"]?.arrayValue?.contains("PLAIN") == true)
        let flag = try #require(report.chunk(group: 0, column: 2))
        #expect(flag["has_dictionary_page"] == false)
        for (index, name) in schema.names.enumerated() {
            #expect(report.values(name) == rows.map { checkerJSON($0[index]) }, "\(name)")
        }
    }

    @Test func statisticsFollowEachLogicalTypesOrder() async throws {
        let scratch = try ScratchDirectory()
        let schema = Schema([
            Field(name: "text", type: .string), Field(name: "wide", type: .decimal(precision: 30, scale: 2)),
            Field(name: "narrow", type: .decimal(precision: 9, scale: 3)), Field(name: "real", type: .float64),
            Field(name: "id", type: .uuid), Field(name: "day", type: .date), Field(name: "empty", type: .int32),
        ])
        let high = UUID(uuid: (0xF0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        let low = UUID(uuid: (0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
        let rows: [[Value]] = [
            // Unsigned byte order puts "é" (0xC3…) after "z"; signed order puts -5.00 before 3.00.
            [.string("z"), .decimal(DecimalValue(units: 300, scale: 2)), .decimal(DecimalValue(units: -1, scale: 3)), .float(.nan), .uuid(high), .date(-10), .null],
            [.string("é"), .decimal(DecimalValue(units: -500, scale: 2)), .decimal(DecimalValue(units: 7, scale: 3)), .float(0.0), .uuid(low), .date(19_000), .null],
            [.string("a"), .null, .null, .float(-2.5), .null, .null, .null],
        ]
        // Two batches: "a" is the minimum and arrives in the dictionary after the others.
        let (path, _) = try await scratch.write(
            "stats.parquet", schema: schema, batches: [try batch(schema, Array(rows[0..<2])), try batch(schema, Array(rows[2...]))])
        let report = try PyArrowReport(reading: path)
        func statistics(_ column: Int) -> JSONValue? { report.chunk(group: 0, column: column)?["statistics"] }
        #expect(statistics(0)?["min"] == "a")
        #expect(statistics(0)?["max"] == "é")
        #expect(statistics(1)?["min"] == "-5.00")
        #expect(statistics(1)?["max"] == "3.00")
        #expect(statistics(1)?["null_count"] == .integer(1))
        #expect(statistics(2)?["min"] == "-0.001")
        #expect(statistics(2)?["max"] == "0.007")
        // NaN takes no part; a zero maximum is written as +0.0.
        #expect(statistics(3)?["min_raw"]?.sameAs(.double(-2.5)) == true)
        #expect(statistics(3)?["max_raw"]?.sameAs(.double(0)) == true)
        #expect(statistics(4)?["min_raw"] == .string(withUnsafeBytes(of: low.uuid) { hex(Array($0)) }))
        #expect(statistics(4)?["max_raw"] == .string(withUnsafeBytes(of: high.uuid) { hex(Array($0)) }))
        #expect(statistics(5)?["min_raw"] == .integer(-10))
        #expect(statistics(5)?["max_raw"] == .integer(19_000))
        #expect(statistics(6)?["has_min_max"] == false)
        #expect(statistics(6)?["null_count"] == .integer(3))
        #expect(report.values("real").first == "NaN")
    }

    @Test func aBatchOfAnotherSchemaIsRefused() async throws {
        let writer = try ParquetWriter(schema: Self.schema, sink: MemorySink())
        let other = try batch(Schema([Field(name: "id", type: .int32)]), [[.int(1)]])
        await #expect(throws: ParquetWriterError.self) { try await writer.write(other) }
    }

    @Test func aMemorySinkCanBeDrainedWhileWriting() async throws {
        let sink = MemorySink()
        let writer = try ParquetWriter(schema: Self.schema, sink: sink, options: ParquetWriterOptions(rowGroupRows: 500))
        var drained: [UInt8] = []
        for batch in try Self.batches(rows: 2000) {
            try await writer.write(batch)
            drained += sink.takeBytes()
        }
        try await writer.close()
        drained += sink.takeBytes()
        #expect(Int64(drained.count) == sink.totalBytes)
        #expect(drained.prefix(4) == Array("PAR1".utf8)[...])
        let scratch = try ScratchDirectory()
        let file = scratch.path + "/memory.parquet"
        try Data(drained).write(to: URL(fileURLWithPath: file))
        let report = try PyArrowReport(reading: file)
        #expect(report.rowGroups.count == 4)
        #expect(report.values("id").count == 2000)
    }
}
