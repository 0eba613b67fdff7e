import Hummingbird
import Store

/// `GET /metrics` (admins; Prometheus scrapes it with an admin API key as its bearer
/// credential): the daemon's metrics in the Prometheus text format.
struct MetricsRoutes {
    /// The exposition format's media type.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    let exposition: any MetricsExposition

    func register(on router: Router<APIRequestContext>) {
        router.group().add(middleware: RoleRequirement(minimum: .admin)).get("/metrics", use: metrics)
    }

    @Sendable func metrics(_ request: Request, context: APIRequestContext) async throws -> Response {
        let text = await exposition.exposition()
        return Response(
            status: .ok, headers: [.contentType: Self.contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
