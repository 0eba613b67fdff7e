import Pipelines
import Testing

/// Each pagination style walks the test API's five records to the end, one page per request.
@Suite struct PaginationTests {
    private let ids: [JSONValue] = (1...5).map { .integer(Int64($0)) }

    @Test func pageNumbersRunUntilAnEmptyPage() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let output = try await api.serve { base in
            try await workspace.extract(["url": .string(base + "/page"), "pagination": ["type": "page", "size_param": "per_page", "page_size": 2]]).output
        }
        #expect(try HTTPWorkspace.records(output).map { $0["id"] } == ids)
        #expect(api.requests == (1...4).map { "GET /page?page=\($0)&per_page=2" })
    }

    @Test func offsetsMoveByTheRecordsReceivedAndReadTheRecordsPath() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let result = try await api.serve { base in
            try await workspace.extract([
                "url": .string(base + "/offset"), "records_path": "data.items",
                "pagination": ["type": "offset", "page_size": 2, "total_path": "total"],
            ])
        }
        #expect(try HTTPWorkspace.records(result.output).map { $0["id"] } == ids)
        // The total in the response lets the extractor (half of the run) report 2 of 5, then 4 of 5.
        #expect(result.progress.filter { $0 > 0 && $0 < 50 } == [20, 40])
        #expect(api.requests == [0, 2, 4, 5].map { "GET /offset?offset=\($0)&limit=2" })
    }

    @Test func cursorsComeFromTheResponseUntilThereIsNone() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let output = try await api.serve { base in
            try await workspace.extract([
                "url": .string(base + "/cursor"), "records_path": "items", "pagination": ["type": "cursor", "cursor_path": "meta.next"],
            ]).output
        }
        #expect(try HTTPWorkspace.records(output).map { $0["id"] } == ids)
        #expect(api.requests == ["GET /cursor", "GET /cursor?cursor=c2", "GET /cursor?cursor=c4"])
    }

    @Test func linkHeadersAreFollowedUntilThereIsNoNextLink() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let output = try await api.serve { base in
            try await workspace.extract(["url": .string(base + "/link"), "pagination": ["type": "link_header"]]).output
        }
        #expect(try HTTPWorkspace.records(output).map { $0["id"] } == ids)
        #expect(api.requests == ["GET /link", "GET /link?page=2", "GET /link?page=3"])
    }

    @Test func maxPagesStopsTheWalk() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let result = try await api.serve { base in
            try await workspace.extract(["url": .string(base + "/page"), "pagination": ["type": "page", "max_pages": 2]])
        }
        #expect(try HTTPWorkspace.records(result.output).count == 4)
        #expect(api.requests == ["GET /page?page=1", "GET /page?page=2"])
        #expect(result.logs.contains { $0.contains("Extracted 4 rows from 2 page(s)") && $0.contains("max_pages (2) reached") })
    }

    @Test func aServerThatIgnoresThePageParameterFailsInsteadOfLooping() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let failure = await #expect(throws: RunFailure.self) {
            try await api.serve { base in try await workspace.extract(["url": .string(base + "/same"), "pagination": ["type": "page"]]) }
        }
        #expect(failure?.message.contains("page 2 is the same as the page before it") == true)
        #expect(api.requests.count == 2)
    }
}
