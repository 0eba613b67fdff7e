import API
import HTTPTypes
import HummingbirdTesting
import Store
import Testing

@Suite("GET /metrics")
struct MetricsRouteTests {
    /// An exposition with one fixed sample, standing in for the daemon's registry.
    struct FixedExposition: MetricsExposition {
        func exposition() async -> String { "# TYPE etl_builder_test gauge\netl_builder_test 7\n" }
    }

    @Test("admins get the Prometheus text format; anonymous callers 401, other roles 403")
    func adminOnlyPrometheusText() async throws {
        let harness = try await APIHarness.make { $0.metrics = FixedExposition() }
        try await harness.run { api in
            let anonymous = try await api.send(.get, "/metrics", as: nil)
            #expect(anonymous.status == .unauthorized && anonymous.isError("NOT_AUTHENTICATED"))
            for role in [UserRole.viewer, .developer] {
                let refused = try await api.send(.get, "/metrics", as: role)
                #expect(refused.status == .forbidden && refused.isError("FORBIDDEN"))
            }
            let metrics = try await api.send(.get, "/metrics", as: .admin)
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            #expect(metrics.text == "# TYPE etl_builder_test gauge\netl_builder_test 7\n")
        }
    }
}
