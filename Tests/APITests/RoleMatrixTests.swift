import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@Suite("Role matrix")
struct RoleMatrixTests {
    /// Every HTTP operation of the router with the least role that may call it (nil: public).
    static let matrix: [(method: HTTPRequest.Method, path: String, minimum: UserRole?)] = [
        (.get, "/health", nil), (.get, "/health/live", nil), (.get, "/health/ready", nil),
        (.get, "/openapi.json", nil), (.get, "/docs", nil), (.get, "/redoc", nil),
        (.get, "/ws/pipeline/{pipeline_id}", nil),
        (.post, "/api/v1/auth/register", nil), (.post, "/api/v1/auth/login", nil), (.post, "/api/v1/auth/refresh", nil),
        (.post, "/api/v1/auth/logout", .viewer), (.get, "/api/v1/auth/me", .viewer),
        (.post, "/api/v1/auth/api-keys", .viewer), (.get, "/api/v1/auth/api-keys", .viewer),
        (.delete, "/api/v1/auth/api-keys/{key_id}", .viewer),
        (.get, "/api/v1/users", .admin), (.patch, "/api/v1/users/{user_id}", .admin),
        (.get, "/api/v1/pipelines", .viewer), (.post, "/api/v1/pipelines", .developer),
        (.get, "/api/v1/pipelines/{pipeline_id}", .viewer), (.put, "/api/v1/pipelines/{pipeline_id}", .developer),
        (.delete, "/api/v1/pipelines/{pipeline_id}", .developer),
        (.post, "/api/v1/pipelines/{pipeline_id}/execute", .developer),
        (.post, "/api/v1/pipelines/{pipeline_id}/validate", .viewer),
        (.get, "/api/v1/pipelines/{pipeline_id}/versions", .viewer),
        (.get, "/api/v1/pipelines/{pipeline_id}/schedule", .viewer),
        (.get, "/api/v1/executions", .viewer), (.get, "/api/v1/executions/{execution_id}", .viewer),
        (.get, "/api/v1/executions/{execution_id}/logs", .viewer),
        (.get, "/api/v1/executions/{execution_id}/metrics", .viewer),
        (.post, "/api/v1/executions/{execution_id}/cancel", .developer),
        (.get, "/api/v1/connections", .viewer), (.post, "/api/v1/connections", .developer),
        (.get, "/api/v1/connections/{connection_id}", .viewer), (.put, "/api/v1/connections/{connection_id}", .developer),
        (.delete, "/api/v1/connections/{connection_id}", .developer),
        (.post, "/api/v1/connections/{connection_id}/test", .developer),
        (.get, "/api/v1/modules", .viewer), (.get, "/api/v1/modules/{module_type}/{module_name}/schema", .viewer),
        (.get, "/api/v1/scheduler", .admin), (.get, "/metrics", .admin),
    ]

    @Test("the matrix names every operation of the router")
    func coversRouter() async throws {
        let harness = try await APIHarness.make()
        let router = await APIServer.makeRouter(dependencies: harness.dependencies)
        let routed = Set(RouteIndex(router: router).operations.map(\.description))
        let listed = Set(Self.matrix.map { "\($0.method.rawValue) \($0.path)" })
        #expect(routed == listed)
        try await harness.store.close()
    }

    @Test("every route × anonymous, viewer, developer, admin gives 401, 403 or passes the role check")
    func everyRouteEveryRole() async throws {
        let harness = try await APIHarness.make()
        let pipeline = try await harness.pipeline()
        guard case .inserted(let execution) = try await harness.store.insertExecution(
            NewExecution(pipelineID: pipeline.id, triggerType: .manual))
        else { Issue.record("insert"); return }
        let connection = try await harness.store.createConnection(NewConnection(name: "c", type: "postgres"))
        let key = try await harness.store.createAPIKey(
            NewAPIKey(userID: harness.admin.id, name: "k", prefix: "etlb_x", keyHash: "h"))
        let ids = [
            "{pipeline_id}": pipeline.id.uuidString, "{execution_id}": execution.id.uuidString,
            "{connection_id}": connection.id.uuidString, "{key_id}": key.id.uuidString,
            "{user_id}": harness.developer.id.uuidString, "{module_type}": "extractor", "{module_name}": "postgres",
        ]
        try await harness.run { api in
            for route in Self.matrix {
                let path = ids.reduce(route.path) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
                let body: String? = [.post, .put, .patch].contains(route.method) ? "{}" : nil
                for role in [nil, UserRole.viewer, .developer, .admin] {
                    let response = try await api.send(route.method, path, as: role, json: body)
                    let label = "\(route.method) \(route.path) as \(role?.rawValue ?? "anonymous") → \(response.status.code) \(response.text)"
                    switch (route.minimum, role) {
                    case (nil, _):
                        #expect(response.status != .forbidden && response.errorCode != "NOT_AUTHENTICATED", "\(label)")
                    case (.some, nil):
                        #expect(response.status == .unauthorized && response.isError("NOT_AUTHENTICATED"), "\(label)")
                    case (.some(let minimum), .some(let role)) where role < minimum:
                        #expect(response.status == .forbidden && response.isError("FORBIDDEN"), "\(label)")
                    default:
                        #expect(![401, 403].contains(response.status.code) && response.status.code < 500, "\(label)")
                    }
                }
            }
        }
    }
}
