import Foundation
import Hummingbird

/// `GET /scheduler`: the scheduler's state and its next slots.
struct SchedulerRoutes {
    let services: APIServices

    func register(on groups: RouteGroups) {
        groups.viewer.get("/scheduler", use: snapshot)
    }

    @Sendable func snapshot(_ request: Request, context: APIRequestContext) async throws -> Response {
        var problems: [FieldProblem] = []
        let limit = QueryParameters.integer("limit", in: request.uri.queryParameters, default: 20, range: 1...100, problems: &problems)
        guard problems.isEmpty else { throw APIError.validation(problems) }
        return try JSONResponse.encode(try await services.dependencies.scheduler.snapshot(limit: limit))
    }
}
