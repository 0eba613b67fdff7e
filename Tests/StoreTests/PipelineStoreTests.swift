import Foundation
import Testing

@testable import Store

@Suite("Pipelines")
struct PipelineStoreTests {
    @Test("creation stores every field at version 1.0.0 and records that version", arguments: StoreBackendFactory.all)
    func create(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let owner = try await f.store.makeUser(role: .developer)
            let policy = PipelinePolicy(
                misfirePolicy: .catchUp, maxCatchUp: 3, overlapPolicy: .queue, maxActiveRuns: 2, jitterSeconds: 30,
                maxRetries: 4, retryBackoffSeconds: 60, timeoutSeconds: 3600)
            let created = try await f.store.createPipeline(
                NewPipeline(
                    name: "Customer Data Pipeline", description: "Extract customers", config: #"{"nodes":[1]}"#,
                    schedule: "0 2 * * *", scheduleTimezone: "Europe/Paris", tags: ["daily", "customers", "daily"],
                    defaultParams: #"{"start_date":"2025-01-01"}"#, policy: policy, createdBy: owner.id))
            #expect(created.status == .draft)
            #expect(created.version == "1.0.0")
            #expect(created.isScheduled)
            #expect(created.tags == ["daily", "customers"])
            #expect(created.policy == policy)
            #expect(created.defaultParams == #"{"start_date":"2025-01-01"}"#)
            #expect(created.createdBy == owner.id)
            #expect(created.lastFiredSlot == nil)
            #expect(try await f.store.pipeline(id: created.id) == created)
            #expect(try await f.store.pipeline(id: UUID()) == nil)

            let versions = try await f.store.pipelineVersions(pipelineID: created.id)
            #expect(versions.count == 1)
            #expect(versions.first?.version == "1.0.0")
            #expect(versions.first?.config == #"{"nodes":[1]}"#)
            #expect(versions.first?.changedBy == owner.id)

            let unscheduled = try await f.store.makePipeline()
            #expect(!unscheduled.isScheduled)
            #expect(unscheduled.policy == PipelinePolicy())

            await expectStoreError(.invalidArgument("pipeline name must not be empty")) {
                try await f.store.makePipeline("  ")
            }
            let ghost = UUID()
            await expectStoreError(.notFound(entity: "user", id: ghost.uuidString.lowercased())) {
                try await f.store.makePipeline(createdBy: ghost)
            }
        }
    }

    @Test("a config change bumps the minor version and records history; other edits do not", arguments: StoreBackendFactory.all)
    func versioning(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let editor = try await f.store.makeUser()
            let p = try await f.store.makePipeline("versioned")
            f.clock.advance(by: 10)
            let renamed = try await f.store.updatePipeline(id: p.id, PipelineUpdate(name: "renamed", tags: ["x"]))
            #expect(renamed.version == "1.0.0")
            #expect(renamed.name == "renamed")
            #expect(renamed.tags == ["x"])
            #expect(renamed.updatedAt == Timestamp.normalize(f.clock.now))

            let same = try await f.store.updatePipeline(id: p.id, PipelineUpdate(config: p.config))
            #expect(same.version == "1.0.0")

            var current = same
            for i in 1...10 {
                current = try await f.store.updatePipeline(
                    id: p.id, PipelineUpdate(config: #"{"v":\#(i)}"#, changedBy: editor.id, changeNote: "edit \(i)"))
            }
            #expect(current.version == "1.10.0")
            #expect(current.config == #"{"v":10}"#)

            let versions = try await f.store.pipelineVersions(pipelineID: p.id)
            #expect(versions.count == 11)
            #expect(versions.map(\.version).prefix(3) == ["1.10.0", "1.9.0", "1.8.0"])
            #expect(versions.first?.changeNote == "edit 10")
            #expect(versions.first?.changedBy == editor.id)
            #expect(versions.last?.version == "1.0.0")

            let ghost = UUID()
            await expectStoreError(.notFound(entity: "pipeline", id: ghost.uuidString.lowercased())) {
                try await f.store.updatePipeline(id: ghost, PipelineUpdate(name: "x"))
            }
        }
    }

    @Test("nullable fields are cleared with .some(nil) and policies replaced", arguments: StoreBackendFactory.all)
    func clearing(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let p = try await f.store.createPipeline(
                NewPipeline(
                    name: "n", description: "d", config: "{}", schedule: "*/5 * * * *", scheduleTimezone: "UTC",
                    policy: PipelinePolicy(maxRetries: 3)))
            let updated = try await f.store.updatePipeline(
                id: p.id,
                PipelineUpdate(
                    description: .some(nil), status: .paused, schedule: .some(nil), scheduleTimezone: .some(nil),
                    isScheduled: false, defaultParams: #"{"a":1}"#, policy: PipelinePolicy(overlapPolicy: .forbid)))
            #expect(updated.description == nil)
            #expect(updated.schedule == nil)
            #expect(updated.scheduleTimezone == nil)
            #expect(!updated.isScheduled)
            #expect(updated.status == .paused)
            #expect(updated.defaultParams == #"{"a":1}"#)
            #expect(updated.policy == PipelinePolicy(overlapPolicy: .forbid))
            // nil leaves fields alone.
            let untouched = try await f.store.updatePipeline(id: p.id, PipelineUpdate())
            #expect(untouched.description == nil)
            #expect(untouched.policy == updated.policy)
        }
    }

    @Test("listing filters by status, name search and any-of tags, newest first, paged", arguments: StoreBackendFactory.all)
    func listFilters(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let specs: [(String, PipelineStatus, [String])] = [
                ("Customer Daily", .active, ["customers", "daily"]),
                ("customer weekly", .paused, ["customers", "weekly"]),
                ("Orders", .active, ["orders", "daily"]),
                ("Inventory", .draft, []),
                ("CUSTOMER archive", .archived, ["archive"]),
            ]
            for (name, status, tags) in specs {
                _ = try await f.store.makePipeline(name, status: status, tags: tags)
                f.clock.advance(by: 1)
            }
            let all = try await f.store.listPipelines(filter: PipelineFilter(), page: PageRequest(page: 1, pageSize: 20))
            #expect(all.total == 5)
            #expect(all.items.first?.name == "CUSTOMER archive")
            #expect(all.items.last?.name == "Customer Daily")

            let active = try await f.store.listPipelines(
                filter: PipelineFilter(status: .active), page: PageRequest())
            #expect(Set(active.items.map(\.name)) == ["Customer Daily", "Orders"])

            let search = try await f.store.listPipelines(filter: PipelineFilter(search: "cUsToMeR"), page: PageRequest())
            #expect(search.total == 3)

            let tagged = try await f.store.listPipelines(
                filter: PipelineFilter(tags: ["weekly", "orders"]), page: PageRequest())
            #expect(Set(tagged.items.map(\.name)) == ["customer weekly", "Orders"])
            #expect(tagged.items.first { $0.name == "Orders" }?.tags == ["orders", "daily"])

            let combined = try await f.store.listPipelines(
                filter: PipelineFilter(status: .active, search: "customer", tags: ["daily"]), page: PageRequest())
            #expect(combined.items.map(\.name) == ["Customer Daily"])

            let page2 = try await f.store.listPipelines(filter: PipelineFilter(), page: PageRequest(page: 2, pageSize: 2))
            #expect(page2.items.map(\.name) == ["Orders", "customer weekly"])
            #expect(page2.total == 5)
            #expect(page2.totalPages == 3)
        }
    }

    @Test("search treats % and _ literally", arguments: StoreBackendFactory.all)
    func searchEscaping(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            for name in ["100% done", "100 percent", "a_b", "axb", #"back\slash"#, "backslash"] {
                _ = try await f.store.makePipeline(name)
            }
            func names(_ search: String) async throws -> Set<String> {
                Set(try await f.store.listPipelines(filter: PipelineFilter(search: search), page: PageRequest()).items.map(\.name))
            }
            #expect(try await names("%") == ["100% done"])
            #expect(try await names("0%") == ["100% done"])
            #expect(try await names("_") == ["a_b"])
            #expect(try await names("a_b") == ["a_b"])
            #expect(try await names(#"\"#) == [#"back\slash"#])
            #expect(try await names("'; DROP TABLE pipelines; --").isEmpty)
            #expect(try await names("").count == 6)
        }
    }

    @Test("deleting a pipeline removes its versions, tags and executions; active runs block it", arguments: StoreBackendFactory.all)
    func deleteCascade(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let p = try await f.store.makePipeline("doomed", tags: ["t"])
            _ = try await f.store.updatePipeline(id: p.id, PipelineUpdate(config: #"{"v":2}"#))
            let execution = try await f.store.enqueue(p.id)
            try await f.store.appendExecutionLogs(
                executionID: execution.id, [NewExecutionLog(timestamp: f.clock.now, level: .info, message: "hi")])
            try await f.store.upsertNodeMetrics(NodeMetricsRecord(executionID: execution.id, nodeID: "n1"))

            await expectStoreError(
                .invalidState(entity: "pipeline", reason: "has 1 pending or running execution(s); cancel them before deleting it")
            ) { try await f.store.deletePipeline(id: p.id) }

            _ = try await f.store.finishExecution(id: execution.id, ExecutionCompletion(status: .cancelled))
            try await f.store.deletePipeline(id: p.id)
            #expect(try await f.store.pipeline(id: p.id) == nil)
            #expect(try await f.store.pipelineVersions(pipelineID: p.id).isEmpty)
            #expect(try await f.store.execution(id: execution.id) == nil)
            #expect(try await f.store.nodeMetrics(executionID: execution.id).isEmpty)
            #expect(
                try await f.store.executionLogs(executionID: execution.id, filter: .init(), page: PageRequest()).total == 0)
            #expect(try await f.store.listPipelines(filter: PipelineFilter(tags: ["t"]), page: PageRequest()).total == 0)

            await expectStoreError(.notFound(entity: "pipeline", id: p.id.uuidString.lowercased())) {
                try await f.store.deletePipeline(id: p.id)
            }
        }
    }

    @Test("armed pipelines are active, scheduled and have a schedule; the last fired slot is kept", arguments: StoreBackendFactory.all)
    func armed(backend: StoreBackendFactory) async throws {
        try await backend.withStore { f in
            let armed = try await f.store.makePipeline("armed", status: .active, schedule: "0 * * * *")
            _ = try await f.store.makePipeline("draft", status: .draft, schedule: "0 * * * *")
            _ = try await f.store.makePipeline("unscheduled", status: .active)
            let off = try await f.store.makePipeline("switched off", status: .active, schedule: "0 * * * *")
            _ = try await f.store.updatePipeline(id: off.id, PipelineUpdate(isScheduled: false))
            #expect(try await f.store.armedPipelines().map(\.id) == [armed.id])

            let slot = Date(timeIntervalSince1970: 1_737_338_400)
            f.clock.advance(by: 30)
            try await f.store.setLastFiredSlot(pipelineID: armed.id, slot: slot)
            let reloaded = try await f.store.pipeline(id: armed.id)
            #expect(reloaded?.lastFiredSlot == slot)
            #expect(reloaded?.updatedAt == armed.updatedAt)
            let ghost = UUID()
            await expectStoreError(.notFound(entity: "pipeline", id: ghost.uuidString.lowercased())) {
                try await f.store.setLastFiredSlot(pipelineID: ghost, slot: slot)
            }
        }
    }
}
