import Pipelines
import Testing

/// Nested objects become `parent.child` columns, or stay whole as json columns.
@Suite struct FlatteningTests {
    @Test func nestedObjectsBecomeDottedColumnsAndArraysStayJSON() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let output = try await api.serve { base in
            try await workspace.extract(["url": .string(base + "/page"), "query": ["per_page": 5], "flatten": "columns"], format: "csv").output
        }
        let lines = output.split(separator: "\n")
        #expect(lines.first == "address.city,address.geo.lat,id,name,tags")
        #expect(lines.dropFirst().first == #"c1,1.5,1,p1,"[""t1"",""x""]""#)
        #expect(lines.count == 6)
    }

    @Test func jsonFlatteningKeepsNestedValuesWhole() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let output = try await api.serve { base in
            try await workspace.extract(["url": .string(base + "/page"), "query": ["per_page": 5], "flatten": "json"]).output
        }
        let first = try #require(try HTTPWorkspace.records(output).first)
        #expect(first == ["id": 1, "name": "p1", "address": ["city": "c1", "geo": ["lat": 1.5]], "tags": ["t1", "x"]])
    }
}
