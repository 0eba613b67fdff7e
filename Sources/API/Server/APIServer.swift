import Hummingbird
import HummingbirdWebSocket
import Logging
import Pipelines
import ServiceLifecycle
import Store

/// Builds the daemon's HTTP application: the routes of the API document under `/api/v1`, the
/// pipeline WebSocket, the OpenAPI document and its viewers, and the health probes.
public enum APIServer {
    /// What the server needs from the rest of the daemon. The protocol-typed members have honest
    /// defaults until the scheduler, executor and pipeline engine are wired in.
    public struct Dependencies: Sendable {
        /// Product version, shown by `/health` and the OpenAPI document.
        public var version: String
        /// Whether the store is open (`/health/ready`).
        public var readiness: Readiness
        /// The metadata store.
        public var store: any MetadataStore
        /// The execution event broadcaster (WebSocket feed, cancel notifications).
        public var events: ExecutionEvents
        /// The HMAC key that signs JWTs (at least 32 bytes).
        public var jwtSigningKey: [UInt8]
        /// Access token lifetime (`auth.access_token_minutes`).
        public var accessTokenLifetime: Duration
        /// Refresh token lifetime (`auth.refresh_token_days`).
        public var refreshTokenLifetime: Duration
        /// Tunables.
        public var settings: APISettings
        /// `POST /pipelines/{id}/validate` (default: structure only, said in a warning).
        public var validator: any PipelineValidating
        /// `GET /modules` (default: empty).
        public var modules: any ModuleCatalog
        /// `POST /executions/{id}/cancel` (default: cancels in the store).
        public var executionControl: any ExecutionControl
        /// Told of pipeline changes (default: nobody).
        public var scheduleObserver: any ScheduleObserver
        /// `GET /scheduler` (default: state `unavailable`, computed from the store).
        public var scheduler: any SchedulerIntrospection
        /// `POST /connections/{id}/test` (default: `file` only).
        public var connectionTester: any ConnectionTester
        /// `GET /metrics` (default: no samples).
        public var metrics: any MetricsExposition
        /// The connection types whose configs create and update check (default: none, every
        /// type and config is accepted).
        public var connectionTypes: ConnectionTypeCatalog
        /// The rate limit in force (from `settings.rateLimitPerMinute`); a reload changes it live.
        public var rateLimit: RateLimitSetting

        /// Dependencies; the integration points default to the built-in implementations.
        public init(
            version: String, readiness: Readiness, store: any MetadataStore, events: ExecutionEvents,
            jwtSigningKey: [UInt8], accessTokenLifetime: Duration = .seconds(30 * 60),
            refreshTokenLifetime: Duration = .seconds(7 * 86_400), settings: APISettings = APISettings(),
            validator: any PipelineValidating = StructuralPipelineValidator(),
            modules: any ModuleCatalog = StaticModuleCatalog(), executionControl: (any ExecutionControl)? = nil,
            scheduleObserver: any ScheduleObserver = NoScheduleObserver(), scheduler: (any SchedulerIntrospection)? = nil,
            connectionTester: any ConnectionTester = BuiltInConnectionTester(),
            metrics: any MetricsExposition = EmptyMetricsExposition(),
            connectionTypes: ConnectionTypeCatalog = ConnectionTypeCatalog()
        ) {
            self.version = version
            self.readiness = readiness
            self.store = store
            self.events = events
            self.jwtSigningKey = jwtSigningKey
            self.accessTokenLifetime = accessTokenLifetime
            self.refreshTokenLifetime = refreshTokenLifetime
            self.settings = settings
            self.validator = validator
            self.modules = modules
            self.executionControl = executionControl ?? StoreExecutionControl(store: store, events: events)
            self.scheduleObserver = scheduleObserver
            self.scheduler =
                scheduler ?? StoreSchedulerIntrospection(store: store, defaultTimeZone: settings.defaultTimeZone)
            self.connectionTester = connectionTester
            self.metrics = metrics
            self.connectionTypes = connectionTypes
            rateLimit = RateLimitSetting(perMinute: settings.rateLimitPerMinute)
        }
    }

    /// Where the API listens.
    public enum Listener: Sendable, Hashable {
        /// Bind `host:port` (port 0: any free port).
        case address(host: String, port: Int)
        /// Accept on a listening socket inherited from the service manager (socket activation).
        case inheritedSocket(descriptor: Int32)
    }

    /// The API server for `listener`, to run inside the daemon's service group. `onListening` is
    /// called with the port once the socket accepts connections.
    public static func makeServer(
        listener: Listener, dependencies: Dependencies, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async -> any Service {
        switch listener {
        case .address(let host, let port):
            return await makeApplication(host: host, port: port, dependencies: dependencies, logger: logger, onListening: onListening)
        case .inheritedSocket(let descriptor):
            let (router, webSocketRouter) = await makeRouters(dependencies: dependencies)
            return InheritedSocketServer(
                descriptor: descriptor, router: router, webSocketRouter: webSocketRouter, serverName: serverName, logger: logger,
                onListening: onListening)
        }
    }

    /// An application listening on `host:port` (what ``makeServer(listener:dependencies:logger:onListening:)``
    /// runs for an address; tests drive it directly). `onListening` is called with the bound port
    /// once the socket accepts connections.
    public static func makeApplication(
        host: String, port: Int, dependencies: Dependencies, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async -> some ApplicationProtocol {
        let (router, webSocketRouter) = await makeRouters(dependencies: dependencies)
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: webSocketRouter),
            configuration: .init(address: .hostname(host, port: port), serverName: serverName),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// The `Server` response header.
    static let serverName = "etl-builder"

    /// The HTTP router and the router of WebSocket upgrades.
    private static func makeRouters(
        dependencies: Dependencies
    ) async -> (Router<APIRequestContext>, Router<APIRequestContext>) {
        let services = await APIServices(dependencies: dependencies)
        let router = makeRouter(services: services)
        let webSocketRouter = Router(context: APIRequestContext.self)
        // Upgrade requests get a request id and an access-log line like any other.
        webSocketRouter.add(middleware: RequestLogMiddleware(errors: ErrorResponder(routes: RouteIndex.Reference())))
        PipelineEventsSocket(services: services).register(on: webSocketRouter)
        return (router, webSocketRouter)
    }

    /// The router of every HTTP operation (also used by the test that compares it with the OpenAPI document).
    public static func makeRouter(dependencies: Dependencies) async -> Router<APIRequestContext> {
        makeRouter(services: await APIServices(dependencies: dependencies))
    }

    static func makeRouter(services: APIServices) -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        let routeIndex = RouteIndex.Reference()
        let errors = ErrorResponder(routes: routeIndex)
        let settings = services.settings
        router.add(middleware: RequestLogMiddleware(errors: errors))
        if !settings.corsAllowedOrigins.isEmpty {
            router.add(middleware: CORSPolicyMiddleware(allowedOrigins: Set(settings.corsAllowedOrigins)))
        }
        if settings.gzipMinimumBytes > 0 {
            router.add(middleware: CompressionMiddleware(minimumBytes: settings.gzipMinimumBytes))
        }
        router.add(middleware: CredentialsMiddleware(authenticator: services.authenticator))
        router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(setting: services.dependencies.rateLimit), errors: errors))
        router.add(middleware: ErrorMiddleware(errors: errors))

        HealthRoutes(version: services.version, readiness: services.readiness).register(on: router)
        let docs = DocsRoutes(version: services.version, assetsDirectory: settings.docsAssetsDirectory)
        docs.register(on: router)
        PipelineEventsSocket.registerPlainRequestAnswer(on: router)
        MetricsRoutes(exposition: services.dependencies.metrics).register(on: router)
        let groups = RouteGroups(base: router.group("/api/v1"))
        AuthRoutes(services: services).register(on: groups)
        APIKeyRoutes(services: services).register(on: groups)
        UserRoutes(services: services).register(on: groups)
        PipelineRoutes(services: services).register(on: groups)
        ExecutionRoutes(services: services).register(on: groups)
        ConnectionRoutes(services: services).register(on: groups)
        ModuleRoutes(services: services).register(on: groups)
        SchedulerRoutes(services: services).register(on: groups)
        // Added last, it only wraps the router's not-found path: files under /docs/assets.
        if let assets = docs.assetsMiddleware() { router.add(middleware: assets) }
        routeIndex.value = RouteIndex(router: router)
        return router
    }
}
