import Foundation
import Parquet
import ParquetChecking
import Pipelines
import Testing

/// Every batch type written with every codec reads back in pyarrow with its logical type and
/// the exact values, nulls included.
@Suite("Parquet types")
struct ParquetTypesTests {
    static let schema = Schema([
        Field(name: "flag", type: .bool), Field(name: "small", type: .int16), Field(name: "medium", type: .int32),
        Field(name: "large", type: .int64), Field(name: "real", type: .float32), Field(name: "double", type: .float64),
        Field(name: "price", type: .decimal(precision: 9, scale: 2)), Field(name: "amount", type: .decimal(precision: 12, scale: 2)),
        Field(name: "huge", type: .decimal(precision: 38, scale: 10)), Field(name: "name", type: .string),
        Field(name: "blob", type: .bytes), Field(name: "day", type: .date), Field(name: "local", type: .timestamp),
        Field(name: "instant", type: .timestamptz), Field(name: "id", type: .uuid), Field(name: "doc", type: .json),
    ])

    /// Arrow type (pyarrow reads the UUID and JSON logical types as its canonical extension
    /// types), Parquet physical type, logical type and converted type of each column.
    static let expectedTypes: [String: (String, String, String, String)] = [
        "flag": ("bool", "BOOLEAN", "None", "NONE"),
        "small": ("int16", "INT32", "Int(bitWidth=16, isSigned=true)", "INT_16"),
        "medium": ("int32", "INT32", "Int(bitWidth=32, isSigned=true)", "INT_32"),
        "large": ("int64", "INT64", "Int(bitWidth=64, isSigned=true)", "INT_64"),
        "real": ("float", "FLOAT", "None", "NONE"),
        "double": ("double", "DOUBLE", "None", "NONE"),
        "price": ("decimal128(9, 2)", "INT32", "Decimal(precision=9, scale=2)", "DECIMAL"),
        "amount": ("decimal128(12, 2)", "INT64", "Decimal(precision=12, scale=2)", "DECIMAL"),
        "huge": ("decimal128(38, 10)", "FIXED_LEN_BYTE_ARRAY", "Decimal(precision=38, scale=10)", "DECIMAL"),
        "name": ("string", "BYTE_ARRAY", "String", "UTF8"),
        "blob": ("binary", "BYTE_ARRAY", "None", "NONE"),
        "day": ("date32[day]", "INT32", "Date", "DATE"),
        "local": (
            "timestamp[us]", "INT64",
            "Timestamp(isAdjustedToUTC=false, timeUnit=microseconds, is_from_converted_type=false, force_set_converted_type=false)", "NONE"
        ),
        "instant": (
            "timestamp[us, tz=UTC]", "INT64",
            "Timestamp(isAdjustedToUTC=true, timeUnit=microseconds, is_from_converted_type=false, force_set_converted_type=false)",
            "TIMESTAMP_MICROS"
        ),
        "id": ("extension<arrow.uuid>", "FIXED_LEN_BYTE_ARRAY", "UUID", "NONE"),
        "doc": ("extension<arrow.json>", "BYTE_ARRAY", "JSON", "JSON"),
    ]

    /// Rows with edge values (extremes, negatives, empty strings, pre-1970 dates) and a null
    /// in every column.
    static func rows(count: Int) -> [[Value]] {
        (0..<count).map { index in
            if index % 7 == 3 { return Array(repeating: .null, count: schema.fields.count) }
            let sign: Int64 = index % 2 == 0 ? 1 : -1
            let extremes: [Int64] = [Int64.min, Int64.max, 0, -1]
            return [
                .bool(index % 3 == 0),
                .int(index % 5 == 0 ? Int64(Int16.min) : sign * Int64(index % 30_000)),
                .int(index % 11 == 0 ? Int64(Int32.max) : sign * Int64(index * 7919)),
                .int(index < 4 ? extremes[index] : sign * Int64(index) * 1_000_000_007),
                .float(Double(Float(sign) * Float(index) / 8)),
                .float(index == 1 ? -0.0 : Double(sign) * Double(index) / 3),
                .decimal(DecimalValue(units: Int128(sign * Int64(index * 101 % 9_999_999)), scale: 2)),
                .decimal(DecimalValue(units: Int128(sign * (999_999_999_999 - Int64(index))), scale: 2)),
                .decimal(DecimalValue(units: Int128(sign) * (Int128(10).power(37) + Int128(index)), scale: 10)),
                .string(index % 4 == 0 ? "" : "name-\(index % 13)-é✓"),
                .bytes(index % 5 == 0 ? [] : [UInt8(index % 256), 0, 255, UInt8(index / 256 % 256)]),
                .date(Int32(sign) * Int32(index * 37)),
                .timestamp(sign * Int64(index) * 86_400_000_123),
                .timestamptz(1_700_000_000_000_000 + sign * Int64(index) * 1_000_001),
                .uuid(UUID(uuid: (UInt8(index % 256), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, UInt8(index / 256 % 256)))),
                .json(index % 2 == 0 ? "{\"k\":\(index)}" : "[1,2,\"x\"]"),
            ]
        }
    }

    @Test(arguments: ParquetCompression.allCases)
    func everyTypeReadsBackExactly(_ compression: ParquetCompression) async throws {
        let scratch = try ScratchDirectory()
        let rows = Self.rows(count: 3000)
        let batches = try stride(from: 0, to: rows.count, by: 1000).map { try batch(Self.schema, Array(rows[$0..<$0 + 1000])) }
        let (path, summary) = try await scratch.write(
            "types.parquet", schema: Self.schema, batches: batches, options: ParquetWriterOptions(compression: compression))
        #expect(summary.rows == 3000)
        let report = try PyArrowReport(reading: path)
        #expect(report.rowCount == 3000)
        #expect(report.columns.map { $0["name"]?.stringValue } == Self.schema.names)
        for field in Self.schema.fields {
            let column = try #require(report.column(field.name))
            let expected = try #require(Self.expectedTypes[field.name])
            #expect(column["arrow_type"]?.stringValue == expected.0, "\(field.name)")
            #expect(column["physical_type"]?.stringValue == expected.1, "\(field.name)")
            #expect(column["logical_type"]?.stringValue == expected.2, "\(field.name)")
            #expect(column["converted_type"]?.stringValue == expected.3, "\(field.name)")
            let index = Self.schema.index(of: field.name)!
            let actual = report.values(field.name)
            let wanted = rows.map { checkerJSON($0[index]) }
            #expect(actual.count == wanted.count)
            let mismatches = zip(actual, wanted).enumerated().filter { !$0.element.0.sameAs($0.element.1) }
            #expect(mismatches.isEmpty, "\(field.name): first differences \(mismatches.prefix(3).map { "row \($0.offset): \($0.element.0) != \($0.element.1)" })")
        }
        let expectedCodec = ["none": "UNCOMPRESSED", "snappy": "SNAPPY", "gzip": "GZIP", "zstd": "ZSTD"][compression.rawValue]
        for index in Self.schema.fields.indices {
            let chunk = try #require(report.chunk(group: 0, column: index))
            #expect(chunk["compression"]?.stringValue == expectedCodec)
            let nulls = rows.count { $0[index].isNull }
            #expect(chunk["statistics"]?["null_count"] == .integer(Int64(nulls)))
            #expect(chunk["statistics"]?["has_min_max"]?.boolValue == true)
        }
    }
}

extension Int128 {
    func power(_ exponent: Int) -> Int128 { (0..<exponent).reduce(1) { value, _ in value * self } }
}
