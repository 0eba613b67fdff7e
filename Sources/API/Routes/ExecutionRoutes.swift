import Foundation
import Hummingbird
import Store

/// `/executions`: list with filters, details, logs, per-node metrics and cancel.
struct ExecutionRoutes {
    let services: APIServices

    /// Logs come in larger pages than other lists.
    static let logPages = PageQuery(defaultSize: 100, maximumSize: 1000)

    func register(on groups: RouteGroups) {
        groups.viewer.get("/executions", use: list)
        groups.viewer.get("/executions/{execution_id}", use: get)
        groups.viewer.get("/executions/{execution_id}/logs", use: logs)
        groups.viewer.get("/executions/{execution_id}/metrics", use: metrics)
        groups.developer.post("/executions/{execution_id}/cancel", use: cancel)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let pageRequest = try PageQuery.standard.request(from: request)
        let query = request.uri.queryParameters
        var problems: [FieldProblem] = []
        let status = QueryParameters.choice("status", in: query, as: ExecutionStatus.self, problems: &problems)
        var pipelineID: UUID?
        if let text = query.get("pipeline_id") {
            pipelineID = UUID(uuidString: text)
            if pipelineID == nil { problems.append(FieldProblem("query.pipeline_id", "must be a UUID")) }
        }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        let page = try await services.store.listExecutions(
            filter: ExecutionFilter(pipelineID: pipelineID, status: status), page: pageRequest)
        let items = page.items.map { ExecutionPayload(record: $0.execution, pipelineName: $0.pipelineName, detailed: false) }
        return try JSONResponse.encode(
            ListEnvelope(
                itemsKey: "executions",
                page: Page(items: items, total: page.total, page: page.page, pageSize: page.pageSize),
                fields: .withoutTotalPages),
            headers: PaginationHeaders.fields(for: page))
    }

    @Sendable func get(_ request: Request, context: APIRequestContext) async throws -> Response {
        let record = try await execution(request, context)
        let name = try await services.store.pipeline(id: record.pipelineID)?.name ?? ""
        return try JSONResponse.encode(ExecutionPayload(record: record, pipelineName: name, detailed: true))
    }

    @Sendable func logs(_ request: Request, context: APIRequestContext) async throws -> Response {
        let pageRequest = try Self.logPages.request(from: request)
        let query = request.uri.queryParameters
        var problems: [FieldProblem] = []
        let level = QueryParameters.choice("level", in: query, as: LogLevel.self, problems: &problems)
        guard problems.isEmpty else { throw APIError.validation(problems) }
        let record = try await execution(request, context)
        let page = try await services.store.executionLogs(
            executionID: record.id, filter: ExecutionLogFilter(level: level, nodeID: query.get("node_id")), page: pageRequest)
        let items = page.items.map(ExecutionLogPayload.init)
        return try JSONResponse.encode(
            ListEnvelope(
                itemsKey: "logs", page: Page(items: items, total: page.total, page: page.page, pageSize: page.pageSize),
                fields: .totalOnly),
            headers: PaginationHeaders.fields(for: page))
    }

    @Sendable func metrics(_ request: Request, context: APIRequestContext) async throws -> Response {
        let record = try await execution(request, context)
        let nodes = try await services.store.nodeMetrics(executionID: record.id)
        return try JSONResponse.encode(ExecutionMetricsPayload(nodes: nodes.map(NodeMetricsPayload.init)))
    }

    @Sendable func cancel(_ request: Request, context: APIRequestContext) async throws -> Response {
        let record = try await execution(request, context)
        guard !record.status.isFinal else {
            throw APIError(.executionFinished, "Execution '\(record.id.apiString)' is already \(record.status.rawValue)")
        }
        let outcome = try await services.dependencies.executionControl.cancel(executionID: record.id)
        services.pipelineListCache.invalidate()
        let payload =
            switch outcome {
            case .cancelled: CancelPayload(executionID: record.id.apiString, status: "cancelled", message: "Execution cancelled")
            case .cancelling:
                CancelPayload(executionID: record.id.apiString, status: "cancelling", message: "Cancellation requested")
            }
        return try JSONResponse.encode(payload)
    }

    private func execution(_ request: Request, _ context: APIRequestContext) async throws -> ExecutionRecord {
        let id = try request.uuidParameter("execution_id", context: context, notFound: .executionNotFound, what: "Execution")
        guard let record = try await services.store.execution(id: id) else {
            throw APIError.notFound(.executionNotFound, "Execution", id: id.apiString)
        }
        return record
    }
}
