import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@Suite("Pipeline routes")
struct PipelineTests {
    @Test("create with the document's payload: 201 {id, name, status: draft, message}; get returns the document")
    func createSeedPayload() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let created = try await api.send(.post, "/api/v1/pipelines", as: .developer, json: SeedPayloads.createPipeline)
            #expect(created.status == .created)
            #expect(Set(created.json.keys) == ["id", "name", "status", "message"])
            #expect(created.json["name"] as? String == "New Data Pipeline")
            #expect(created.json["status"] as? String == "draft")
            #expect(created.json["message"] as? String == "Pipeline created successfully")
            let id = try #require(created.json["id"] as? String)

            let got = try await api.send(.get, "/api/v1/pipelines/\(id)", as: .viewer)
            #expect(got.status == .ok)
            let body = got.json
            #expect(body["version"] as? String == "1.0.0")
            #expect(body["schedule"] as? String == "0 2 * * *")
            #expect(body["is_scheduled"] as? Bool == true)
            #expect(body["tags"] as? [String] == ["users", "daily"])
            #expect((body["default_params"] as? [String: String]) == ["start_date": "2025-01-01"])
            let nodes = try #require((body["config"] as? [String: Any])?["nodes"] as? [[String: Any]])
            #expect(nodes.map { $0["id"] as? String } == ["node-1", "node-2", "node-3"])
            #expect(((nodes[0]["position"] as? [String: Any])?["x"] as? Int) == 100)
            #expect(body["last_execution"] is NSNull)
            #expect(body["created_at"] is String && body["updated_at"] is String)
        }
    }

    @Test("create refuses bad configs (INVALID_PIPELINE_CONFIG), bad cron (INVALID_SCHEDULE), bad fields (422)")
    func createErrors() async throws {
        let harness = try await APIHarness.make()
        try await harness.run { api in
            let cyclic = SeedPayloads.createPipeline.replacingOccurrences(
                of: #"{"source": "node-2", "target": "node-3"}"#,
                with: #"{"source": "node-2", "target": "node-3"}, {"source": "node-3", "target": "node-1"}"#)
            let cycle = try await api.send(.post, "/api/v1/pipelines", as: .developer, json: cyclic)
            #expect(cycle.status == .unprocessableContent && cycle.isError("INVALID_PIPELINE_CONFIG"))
            let noNodes = try await api.send(.post, "/api/v1/pipelines", as: .developer, json: #"{"name": "x", "config": {"nodes": 3}}"#)
            #expect(noNodes.status == .unprocessableContent && noNodes.isError("INVALID_PIPELINE_CONFIG"))
            let cron = SeedPayloads.createPipeline.replacingOccurrences(of: "0 2 * * *", with: "0 25 * * *")
            let badCron = try await api.send(.post, "/api/v1/pipelines", as: .developer, json: cron)
            #expect(badCron.status == .unprocessableContent && badCron.isError("INVALID_SCHEDULE"))
            let noName = try await api.send(.post, "/api/v1/pipelines", as: .developer, json: #"{"config": {"nodes": [], "edges": []}}"#)
            #expect(noName.status == .unprocessableContent && noName.isError("VALIDATION_ERROR"))
            #expect((noName.json["detail"] as? String)?.contains("body.name") == true)
            let badTag = try await api.send(.post, "/api/v1/pipelines", as: .developer, json: #"{"name": "x", "config": {"nodes": []}, "tags": [1]}"#)
            #expect(badTag.status == .unprocessableContent && (badTag.json["detail"] as? String)?.contains("body.tags[0]") == true)
            let malformed = try await api.send(.post, "/api/v1/pipelines", as: .developer, json: "{nope")
            #expect(malformed.status == .badRequest && malformed.isError("MALFORMED_JSON"))
            let big = try await api.send(
                .post, "/api/v1/pipelines", as: .developer,
                json: #"{"name": "x", "description": ""# + String(repeating: "a", count: 1 << 21) + #""}"#)
            #expect(big.status == .contentTooLarge && big.isError("PAYLOAD_TOO_LARGE"))
        }
    }

    @Test("list: pagination fields and headers, status/search/tags filters, last_execution")
    func listAndFilters() async throws {
        let harness = try await APIHarness.make()
        var ids: [UUID] = []
        for index in 0..<25 {
            let record = try await harness.pipeline(
                name: "Pipeline \(index)", status: index % 2 == 0 ? .active : .paused,
                tags: index < 5 ? ["customers", "daily"] : ["other"])
            ids.append(record.id)
        }
        guard case .inserted(let execution) = try await harness.store.insertExecution(
            NewExecution(pipelineID: ids[24], triggerType: .manual))
        else { Issue.record("insert"); return }
        _ = try await harness.store.claimNextExecution(node: "test")
        _ = try await harness.store.finishExecution(id: execution.id, ExecutionCompletion(status: .success, rowsProcessed: 15000))
        try await harness.run { api in
            let first = try await api.send(.get, "/api/v1/pipelines", as: .viewer)
            #expect(first.status == .ok)
            #expect(first.json["total"] as? Int == 25 && first.json["page"] as? Int == 1)
            #expect(first.json["page_size"] as? Int == 20 && first.json["total_pages"] as? Int == 2)
            #expect(first.headers[.init("X-Total-Count")!] == "25" && first.headers[.init("X-Total-Pages")!] == "2")
            #expect(first.headers[.init("X-Page")!] == "1" && first.headers[.init("X-Page-Size")!] == "20")
            let items = try #require(first.json["pipelines"] as? [[String: Any]])
            #expect(items.count == 20)
            let newest = items[0]
            #expect(newest["name"] as? String == "Pipeline 24")
            let last = try #require(newest["last_execution"] as? [String: Any])
            #expect(last["status"] as? String == "success" && last["rows_processed"] as? Int == 15000)
            #expect(last["id"] as? String == execution.id.uuidString.lowercased())
            #expect(newest["config"] == nil)
            #expect(Set(newest.keys) == [
                "id", "name", "description", "status", "version", "schedule", "is_scheduled", "tags", "created_at",
                "updated_at", "last_execution",
            ])

            let second = try await api.send(.get, "/api/v1/pipelines?page=2&page_size=20", as: .viewer)
            #expect((second.json["pipelines"] as? [Any])?.count == 5)
            let paused = try await api.send(.get, "/api/v1/pipelines?status=paused&page_size=100", as: .viewer)
            #expect(paused.json["total"] as? Int == 12)
            let search = try await api.send(.get, "/api/v1/pipelines?search=line%202", as: .viewer)
            #expect(search.json["total"] as? Int == 6)
            let tags = try await api.send(.get, "/api/v1/pipelines?tags=customers&tags=nothing", as: .viewer)
            #expect(tags.json["total"] as? Int == 5)
            let commaTags = try await api.send(.get, "/api/v1/pipelines?tags=daily,nothing", as: .viewer)
            #expect(commaTags.json["total"] as? Int == 5)

            for bad in ["page=0", "page_size=101", "page_size=abc", "status=running"] {
                let response = try await api.send(.get, "/api/v1/pipelines?\(bad)", as: .viewer)
                #expect(response.status == .unprocessableContent && response.isError("VALIDATION_ERROR"), "\(bad)")
            }
        }
    }

    @Test("list pages are cached: API writes show at once, changes made elsewhere within the cache lifetime")
    func listCache() async throws {
        let harness = try await APIHarness.make(
            settings: APISettings(rateLimitPerMinute: 0, gzipMinimumBytes: 0, listCacheLifetime: .seconds(60)))
        let record = try await harness.pipeline()
        try await harness.run { api in
            let before = try await api.send(.get, "/api/v1/pipelines", as: .viewer)
            #expect(before.json["total"] as? Int == 1)
            _ = try await harness.pipeline(name: "Made by another component")
            let cached = try await api.send(.get, "/api/v1/pipelines", as: .viewer)
            #expect(cached.json["total"] as? Int == 1 && cached.headers[.init("X-Total-Count")!] == "1")
            let other = try await api.send(.get, "/api/v1/pipelines?page_size=5", as: .viewer)
            #expect(other.json["total"] as? Int == 2)
            _ = try await api.send(.post, "/api/v1/pipelines/\(record.id)/execute", as: .developer)
            let after = try await api.send(.get, "/api/v1/pipelines", as: .viewer)
            #expect(after.json["total"] as? Int == 2)
            let items = try #require(after.json["pipelines"] as? [[String: Any]])
            let executed = items.first { $0["id"] as? String == record.id.uuidString.lowercased() }
            #expect((executed?["last_execution"] as? [String: Any])?["status"] as? String == "pending")
        }
    }

    @Test("update bumps the version on config change, keeps it otherwise; versions lists both")
    func updateAndVersions() async throws {
        let harness = try await APIHarness.make()
        let record = try await harness.pipeline()
        try await harness.run { api in
            let path = "/api/v1/pipelines/\(record.id)"
            let renamed = try await api.send(.put, path, as: .developer, json: #"{"name": "Renamed", "description": null, "status": "paused"}"#)
            #expect(renamed.status == .ok)
            #expect(renamed.json["name"] as? String == "Renamed" && renamed.json["version"] as? String == "1.0.0")
            #expect(renamed.json["description"] is NSNull && renamed.json["status"] as? String == "paused")
            let reconfigured = try await api.send(
                .put, path, as: .developer,
                json: #"{"config": {"nodes": [{"id": "a", "type": "extractor", "module": "csv"}, {"id": "b", "type": "loader", "module": "s3"}], "edges": [{"source": "a", "target": "b"}]}, "change_note": "simpler"}"#)
            #expect(reconfigured.json["version"] as? String == "1.1.0")
            let versions = try await api.send(.get, "\(path)/versions", as: .viewer)
            let list = try #require(versions.json["versions"] as? [[String: Any]])
            #expect(list.map { $0["version"] as? String } == ["1.1.0", "1.0.0"])
            #expect(list[0]["change_note"] as? String == "simpler")
            let cleared = try await api.send(.put, path, as: .developer, json: #"{"schedule": null}"#)
            #expect(cleared.json["schedule"] is NSNull)
            // null clears only the nullable fields; for the others it is a validation error.
            for field in ["name", "status", "tags", "config"] {
                let nulled = try await api.send(.put, path, as: .developer, json: #"{"\#(field)": null}"#)
                #expect(nulled.status == .unprocessableContent, "\(field)")
            }
            let blank = try await api.send(.put, path, as: .developer, json: #"{"name": "\f "}"#)
            #expect(blank.status == .unprocessableContent && blank.isError("VALIDATION_ERROR"))
            let badStatus = try await api.send(.put, path, as: .developer, json: #"{"status": "running"}"#)
            #expect(badStatus.status == .unprocessableContent && badStatus.isError("VALIDATION_ERROR"))
            let badZone = try await api.send(.put, path, as: .developer, json: #"{"schedule": "0 * * * *", "schedule_timezone": "Mars/Olympus"}"#)
            #expect(badZone.status == .unprocessableContent && badZone.isError("INVALID_SCHEDULE"))
        }
    }

    @Test("execute inserts a pending execution with the document's answer; validate answers truthfully")
    func executeAndValidate() async throws {
        let harness = try await APIHarness.make()
        let record = try await harness.pipeline()
        let archived = try await harness.pipeline(name: "Old", status: .archived)
        try await harness.run { api in
            let response = try await api.send(.post, "/api/v1/pipelines/\(record.id)/execute", as: .developer, json: SeedPayloads.execute)
            #expect(response.status == .ok)
            #expect(Set(response.json.keys) == ["execution_id", "pipeline_id", "status", "started_at"])
            #expect(response.json["status"] as? String == "pending")
            #expect(response.json["pipeline_id"] as? String == record.id.uuidString.lowercased())
            let id = try #require(UUID(uuidString: response.json["execution_id"] as? String ?? ""))
            let stored = try #require(try await harness.store.execution(id: id))
            #expect(stored.status == .pending && stored.triggerType == .manual && stored.triggeredBy == harness.developer.id)
            #expect(stored.params.contains("2025-01-20"))
            let noBody = try await api.send(.post, "/api/v1/pipelines/\(record.id)/execute", as: .developer)
            #expect(noBody.status == .ok)
            let old = try await api.send(.post, "/api/v1/pipelines/\(archived.id)/execute", as: .developer)
            #expect(old.status == .conflict && old.isError("PIPELINE_ARCHIVED"))

            let validation = try await api.send(.post, "/api/v1/pipelines/\(record.id)/validate", as: .viewer)
            #expect(validation.status == .ok)
            #expect(validation.json["valid"] as? Bool == true)
            #expect((validation.json["errors"] as? [String]) == [])
            let warnings = try #require(validation.json["warnings"] as? [String])
            #expect(warnings.contains("Node 'node-2' has no description"))
            #expect(warnings.contains { $0.contains("Only the structure") })

            let busy = try await api.send(.delete, "/api/v1/pipelines/\(record.id)", as: .developer)
            #expect(busy.status == .conflict && busy.isError("PIPELINE_BUSY"))
        }
    }

    @Test("schedule lists the next fire times from the cron engine")
    func schedule() async throws {
        let harness = try await APIHarness.make()
        let record = try await harness.pipeline()
        let none = try await harness.pipeline(name: "Manual", schedule: nil)
        try await harness.run { api in
            let response = try await api.send(.get, "/api/v1/pipelines/\(record.id)/schedule?count=3", as: .viewer)
            #expect(response.status == .ok)
            let runs = try #require(response.json["next_runs"] as? [String])
            #expect(runs.count == 3 && runs.allSatisfy { $0.hasSuffix("T02:00:00Z") })
            #expect(response.json["timezone"] as? String == "UTC" && response.json["armed"] as? Bool == true)
            let manual = try await api.send(.get, "/api/v1/pipelines/\(none.id)/schedule", as: .viewer)
            #expect((manual.json["next_runs"] as? [Any])?.isEmpty == true && manual.json["armed"] as? Bool == false)
            let tooMany = try await api.send(.get, "/api/v1/pipelines/\(record.id)/schedule?count=1000", as: .viewer)
            #expect(tooMany.status == .unprocessableContent)
        }
    }

    @Test("unknown and malformed ids are 404 PIPELINE_NOT_FOUND; delete answers 204")
    func notFoundAndDelete() async throws {
        let harness = try await APIHarness.make()
        let record = try await harness.pipeline(schedule: nil)
        try await harness.run { api in
            for path in ["/api/v1/pipelines/\(UUID())", "/api/v1/pipelines/not-a-uuid", "/api/v1/pipelines/\(UUID())/versions"] {
                let response = try await api.send(.get, path, as: .viewer)
                #expect(response.status == .notFound && response.isError("PIPELINE_NOT_FOUND"), "\(path)")
            }
            #expect(try await api.send(.delete, "/api/v1/pipelines/\(record.id)", as: .developer).status == .noContent)
            #expect(try await api.send(.get, "/api/v1/pipelines/\(record.id)", as: .viewer).status == .notFound)
        }
    }
}
