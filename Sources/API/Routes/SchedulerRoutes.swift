import Foundation
import Hummingbird

/// `GET /scheduler` (admins): the scheduler's state, its next slots, the queue and the fire lag.
struct SchedulerRoutes {
    let services: APIServices

    func register(on groups: RouteGroups) {
        groups.admin.get("/scheduler", use: snapshot)
    }

    @Sendable func snapshot(_ request: Request, context: APIRequestContext) async throws -> Response {
        var problems: [FieldProblem] = []
        let limit = QueryParameters.integer("limit", in: request.uri.queryParameters, default: 20, range: 1...100, problems: &problems)
        guard problems.isEmpty else { throw APIError.validation(problems) }
        return try JSONResponse.encode(try await services.dependencies.scheduler.snapshot(limit: limit))
    }
}
