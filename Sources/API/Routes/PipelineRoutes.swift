import Foundation
import Cron
import Hummingbird
import Pipelines
import Store

/// `/pipelines`: list with filters, CRUD, execute, validate, versions and schedule.
///
/// Every write checks the document's structure (422 `INVALID_PIPELINE_CONFIG`) and the cron
/// expression (422 `INVALID_SCHEDULE`), then tells the scheduler through ``ScheduleObserver``.
struct PipelineRoutes {
    let services: APIServices

    func register(on groups: RouteGroups) {
        groups.viewer.get("/pipelines", use: list)
        groups.developer.post("/pipelines", use: create)
        groups.viewer.get("/pipelines/{pipeline_id}", use: get)
        groups.developer.put("/pipelines/{pipeline_id}", use: update)
        groups.developer.delete("/pipelines/{pipeline_id}", use: delete)
        groups.developer.post("/pipelines/{pipeline_id}/execute", use: execute)
        groups.viewer.post("/pipelines/{pipeline_id}/validate", use: validate)
        groups.viewer.get("/pipelines/{pipeline_id}/versions", use: versions)
        groups.viewer.get("/pipelines/{pipeline_id}/schedule", use: schedule)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let pageRequest = try PageQuery.standard.request(from: request)
        let query = request.uri.queryParameters
        var problems: [FieldProblem] = []
        let status = QueryParameters.choice("status", in: query, as: PipelineStatus.self, problems: &problems)
        guard problems.isEmpty else { throw APIError.validation(problems) }
        let tags = query.getAll("tags").flatMap { $0.split(separator: ",") }.map(String.init).filter { !$0.isEmpty }
        let search = query.get("search").flatMap { $0.isEmpty ? nil : $0 }
        let cacheKey = request.uri.query ?? ""
        let (cached, generation) = services.pipelineListCache.lookup(cacheKey)
        if let cached { return JSONResponse.response(body: cached.body, headers: cached.headers) }
        let page = try await services.store.listPipelines(
            filter: PipelineFilter(status: status, search: search, tags: tags), page: pageRequest)
        let last = try await services.store.lastExecutions(pipelineIDs: page.items.map(\.id))
        let items = page.items.map { PipelinePayload(record: $0, lastExecution: last[$0.id], detailed: false) }
        let encoded = ListResponseCache.Page(
            body: try JSONResponse.body(
                ListEnvelope(
                    itemsKey: "pipelines",
                    page: Page(items: items, total: page.total, page: page.page, pageSize: page.pageSize), fields: .full)),
            headers: PaginationHeaders.fields(for: page))
        services.pipelineListCache.store(encoded, for: cacheKey, generation: generation)
        return JSONResponse.response(body: encoded.body, headers: encoded.headers)
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await request.decodeBody(PipelineCreateRequest.self, context: context)
        var problems = Self.nameProblems(body.name) + Self.tagProblems(body.tags ?? [])
        problems += body.policy?.problems ?? []
        guard problems.isEmpty else { throw APIError.validation(problems) }
        try Self.checkStructure(body.config)
        try checkSchedule(body.schedule, timeZone: body.scheduleTimezone)
        let record = try await services.store.createPipeline(
            NewPipeline(
                name: body.name.trimmingCharacters(in: .whitespaces), description: body.description,
                config: body.config.canonicalText, schedule: Self.normalized(body.schedule),
                scheduleTimezone: Self.normalized(body.scheduleTimezone), isScheduled: body.isScheduled,
                tags: body.tags ?? [], defaultParams: JSONValue.object(body.defaultParams ?? [:]).canonicalText,
                policy: body.policy?.policy ?? PipelinePolicy(), createdBy: principal.userID))
        services.pipelineListCache.invalidate()
        await services.dependencies.scheduleObserver.pipelineChanged(id: record.id)
        return try JSONResponse.encode(
            PipelineCreatedPayload(
                id: record.id.apiString, name: record.name, status: record.status, message: "Pipeline created successfully"),
            status: .created)
    }

    @Sendable func get(_ request: Request, context: APIRequestContext) async throws -> Response {
        let record = try await pipeline(request, context)
        let last = try await services.store.lastExecutions(pipelineIDs: [record.id])
        return try JSONResponse.encode(PipelinePayload(record: record, lastExecution: last[record.id], detailed: true))
    }

    @Sendable func update(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let current = try await pipeline(request, context)
        let body = try await request.decodeBody(PipelineUpdateRequest.self, context: context)
        var problems = (body.name.map(Self.nameProblems) ?? []) + Self.tagProblems(body.tags ?? [])
        problems += body.policy?.problems ?? []
        guard problems.isEmpty else { throw APIError.validation(problems) }
        if let config = body.config { try Self.checkStructure(config) }
        let schedule = body.schedule.map(Self.normalized) ?? current.schedule
        let timeZone = body.scheduleTimezone.map(Self.normalized) ?? current.scheduleTimezone
        try checkSchedule(schedule, timeZone: timeZone)
        let record = try await services.store.updatePipeline(
            id: current.id,
            PipelineUpdate(
                name: body.name?.trimmingCharacters(in: .whitespaces), description: body.description, status: body.status,
                config: body.config?.canonicalText, schedule: body.schedule.map(Self.normalized),
                scheduleTimezone: body.scheduleTimezone.map(Self.normalized), isScheduled: body.isScheduled,
                tags: body.tags, defaultParams: body.defaultParams.map { JSONValue.object($0).canonicalText },
                policy: body.policy?.policy, changedBy: principal.userID, changeNote: body.changeNote))
        services.pipelineListCache.invalidate()
        await services.dependencies.scheduleObserver.pipelineChanged(id: record.id)
        let last = try await services.store.lastExecutions(pipelineIDs: [record.id])
        return try JSONResponse.encode(PipelinePayload(record: record, lastExecution: last[record.id], detailed: true))
    }

    @Sendable func delete(_ request: Request, context: APIRequestContext) async throws -> Response {
        let record = try await pipeline(request, context)
        try await services.store.deletePipeline(id: record.id)
        services.pipelineListCache.invalidate()
        await services.dependencies.scheduleObserver.pipelineRemoved(id: record.id)
        return Response(status: .noContent)
    }

    @Sendable func execute(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let record = try await pipeline(request, context)
        guard record.status != .archived else {
            throw APIError(.pipelineArchived, "Pipeline '\(record.name)' is archived and cannot be executed")
        }
        var request = request
        let body = try await request.decodeOptionalBody(ExecuteRequest.self, context: context)
        let insert = try await services.store.insertExecution(
            NewExecution(
                pipelineID: record.id, triggerType: principal.triggerType,
                params: JSONValue.object(body?.params ?? [:]).canonicalText, triggeredBy: principal.userID))
        guard case .inserted(let execution) = insert else {
            throw APIError(.conflict, "An execution for this slot already exists")
        }
        services.pipelineListCache.invalidate()
        return try JSONResponse.encode(
            ExecutionStartedPayload(
                executionID: execution.id.apiString, pipelineID: record.id.apiString, status: execution.status,
                startedAt: execution.queuedAt))
    }

    @Sendable func validate(_ request: Request, context: APIRequestContext) async throws -> Response {
        let record = try await pipeline(request, context)
        let report = await services.dependencies.validator.validate(
            config: JSONText.value(record.config), defaultParams: JSONText.object(record.defaultParams))
        return try JSONResponse.encode(report)
    }

    @Sendable func versions(_ request: Request, context: APIRequestContext) async throws -> Response {
        let record = try await pipeline(request, context)
        let versions = try await services.store.pipelineVersions(pipelineID: record.id)
        return try JSONResponse.encode(["versions": versions.map(PipelineVersionPayload.init)])
    }

    @Sendable func schedule(_ request: Request, context: APIRequestContext) async throws -> Response {
        var problems: [FieldProblem] = []
        let count = QueryParameters.integer(
            "count", in: request.uri.queryParameters, default: 5, range: 1...100, problems: &problems)
        guard problems.isEmpty else { throw APIError.validation(problems) }
        let record = try await pipeline(request, context)
        let next = try services.fireTimes.next(for: record, after: Date(), count: count)
        return try JSONResponse.encode(
            SchedulePayload(
                pipelineID: record.id.apiString, schedule: record.schedule,
                timezone: services.fireTimes.timeZoneName(for: record), isScheduled: record.isScheduled,
                armed: record.isArmed, nextRuns: next))
    }

    private func pipeline(_ request: Request, _ context: APIRequestContext) async throws -> PipelineRecord {
        let id = try request.uuidParameter("pipeline_id", context: context, notFound: .pipelineNotFound, what: "Pipeline")
        guard let record = try await services.store.pipeline(id: id) else {
            throw APIError.notFound(.pipelineNotFound, "Pipeline", id: id.apiString)
        }
        return record
    }

    private func checkSchedule(_ schedule: String?, timeZone: String?) throws(APIError) {
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            throw APIError(.invalidSchedule, "body.schedule_timezone: unknown time zone '\(timeZone)'")
        }
        guard let schedule else { return }
        do {
            _ = try CronExpression(schedule)
        } catch {
            throw APIError(.invalidSchedule, "body.schedule: \(error.description)")
        }
    }

    private static func checkStructure(_ config: JSONValue) throws(APIError) {
        let report = StructuralPipelineValidator.check(config)
        guard report.valid else {
            throw APIError(.invalidPipelineConfig, "Invalid pipeline config: " + report.errors.joined(separator: "; "))
        }
    }

    private static func nameProblems(_ name: String) -> [FieldProblem] {
        name.isBlank || name.count > 200 ? [FieldProblem("body.name", "1 to 200 characters, not only white space")] : []
    }

    private static func tagProblems(_ tags: [String]) -> [FieldProblem] {
        tags.enumerated().compactMap { index, tag in
            tag.isEmpty || tag.count > 64 || tag.contains(",") ? FieldProblem("body.tags[\(index)]", "1 to 64 characters, no comma") : nil
        }
    }

    /// Empty strings mean "none".
    private static func normalized(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
