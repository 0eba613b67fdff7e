import Hummingbird

/// `GET /health`, `/health/live` and `/health/ready`: open to everyone, used by admins,
/// load balancers and the end-to-end tests.
public struct HealthRoutes: Sendable {
    struct Health: Codable, Sendable {
        var status: String
        var version: String
    }

    struct Probe: Codable, Sendable {
        var status: String
    }

    let version: String
    let readiness: Readiness

    /// Probes reporting `version` and `readiness`.
    public init(version: String, readiness: Readiness) {
        self.version = version
        self.readiness = readiness
    }

    /// Adds the three probes to `router`.
    public func register(on router: Router<some RequestContext>) {
        router.get("/health") { _, _ in
            try JSONResponse.encode(Health(status: "healthy", version: version))
        }
        router.get("/health/live") { _, _ in
            try JSONResponse.encode(Probe(status: "alive"))
        }
        router.get("/health/ready") { _, _ in
            if let reason = readiness.notReadyReason {
                throw APIError(.notReady, "Not ready: \(reason)")
            }
            return try JSONResponse.encode(Probe(status: "ready"))
        }
    }
}
