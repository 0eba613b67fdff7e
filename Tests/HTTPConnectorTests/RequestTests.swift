import Pipelines
import Testing

/// Query parameters and bodies carry `${params.x}` values, encoded exactly.
@Suite struct RequestTests {
    @Test func queryParametersExpandPipelineParameters() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let output = try await api.serve { base in
            try await workspace.extract(
                ["url": .string(base + "/search"), "query": ["q": "${params.term}", "limit": 10]], parameters: ["term": "a&b c+d"]
            ).output
        }
        #expect(try HTTPWorkspace.records(output) == [["q": "a&b c+d", "limit": "10"]])
        #expect(api.requests == ["GET /search?limit=10&q=a%26b%20c%2Bd"])
    }

    @Test func postSendsTheBodyAsJSON() async throws {
        let api = TestAPI()
        let workspace = try HTTPWorkspace()
        let output = try await api.serve { base in
            try await workspace.extract(
                ["url": .string(base + "/search"), "method": "POST", "body": ["term": "${params.term}", "size": 3], "flatten": "json"],
                parameters: ["term": "shoes"]
            ).output
        }
        #expect(try HTTPWorkspace.records(output) == [["echo": ["term": "shoes", "size": 3], "content_type": "application/json"]])
    }

    @Test func aRelativeURLWithoutAConnectionIsInvalid() async throws {
        let workspace = try HTTPWorkspace()
        let failure = await #expect(throws: RunFailure.self) { try await workspace.extract(["url": "items"]) }
        #expect(failure?.message.contains("a relative url needs a connection_id whose connection has a base_url") == true)
    }
}
