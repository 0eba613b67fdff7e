import API
import Connectors
import Foundation
import Hummingbird
import Logging
import Pipelines
import Scheduling
import ServiceLifecycle
import Store
import Systemd
import UnixSignals

/// The long-running process: one `ServiceGroup` holding the metadata store with the scheduler and
/// executor, the HTTP API, the SIGHUP reloader and the systemd status line.
///
/// systemd hears `READY=1` once the store is migrated, every schedule is armed and the API
/// listens. SIGTERM and SIGINT stop it gracefully in reverse order: `STOPPING=1`, the API stops
/// accepting, the scheduler stops firing and running executions get the grace period, then the
/// store closes.
struct Daemon {
    let settings: Settings
    let loader: ConfigLoader
    let logger: Logger
    var environment: [String: String] = ProcessInfo.processInfo.environment

    func run() async throws {
        let dataDirectory = try DataDirectory.resolve(environment: environment, configured: settings.configuredDataDirectory)
        let lock = try DataDirectoryLock(directory: dataDirectory)
        defer { withExtendedLifetime(lock) {} }
        let keys = try KeyMaterial.load(environment: environment, auth: settings.auth, dataDirectory: dataDirectory)
        logger.info("Starting etl-builder \(ProductVersion.current)", metadata: [
            "data_directory": "\(dataDirectory.path)", "keys": "\(keys)",
        ])
        let notifier: SystemdNotifier
        do {
            notifier = try SystemdNotifier.fromEnvironment()
        } catch {
            throw DaemonError.serviceManager(error.description)
        }
        let link = ServiceManagerLink(notifier: notifier, logger: logger)
        let heartbeat = WatchdogHeartbeat(notifier: notifier, environment: environment)
        let store = try await StoreOpener(settings: settings.store, dataDirectory: dataDirectory, keys: keys, logger: logger).open()
        do {
            try await serve(
                store: store, dataDirectory: dataDirectory, keys: keys, link: link, heartbeat: heartbeat)
        } catch {
            // The store service closes the store once it runs; before that, close it here.
            try? await store.close()
            throw error
        }
        logger.info("Stopped")
    }

    private func serve(
        store: any MetadataStore, dataDirectory: DataDirectory, keys: KeyMaterial, link: ServiceManagerLink,
        heartbeat: WatchdogHeartbeat?
    ) async throws {
        let readiness = Readiness()
        let parts = DaemonParts(schedulingDefaults: SchedulingDefaults(settings.scheduler))
        let metrics = DaemonMetrics(parts: parts)
        let events = ExecutionEvents()
        let registry = ProductCatalog.modules
        let connections = StoreConnections(store: store)
        let runner = PipelineEngine(
            registry: registry,
            environment: EngineEnvironment(dataDirectory: dataDirectory.path, filesRoot: settings.filesRoot),
            connections: connections, resolver: connections)
        let scheduling = SchedulingConfiguration(
            defaults: SchedulingDefaults(settings.scheduler),
            maxConcurrentExecutions: settings.scheduler.maxConcurrentExecutions,
            shutdownGrace: settings.scheduler.shutdownGrace,
            node: ProcessInfo.processInfo.hostName,
            heartbeat: heartbeat.map { beating in SchedulerHeartbeat(interval: beating.interval, beat: { await beating.beat() }) },
            onArmed: { [logger] count in
                logger.info("Schedules armed", metadata: ["count": "\(count)"])
                link.satisfied(.schedulesArmed)
            },
            metricsFactory: metrics.factory)
        let storeService = StoreService(
            store: store, dataDirectory: dataDirectory, readiness: readiness, parts: parts,
            makeScheduling: { [logger] store in
                var configuration = scheduling
                configuration.defaults = parts.schedulingDefaults  // a reload may have come first
                return SchedulingRuntime(store: store, events: events, runner: runner, configuration: configuration, logger: logger)
            },
            onMigrated: { link.satisfied(.storeMigrated) },
            logger: logger)
        let bridge = SchedulerBridge(
            parts: parts, fallbackControl: StoreExecutionControl(store: store, events: events),
            fallbackIntrospection: StoreSchedulerIntrospection(store: store, defaultTimeZone: settings.api.defaultTimeZone))
        let listener = try apiListener()
        let dependencies = APIServer.Dependencies(
            version: ProductVersion.current, readiness: readiness, store: store, events: events,
            jwtSigningKey: keys.jwtSigningKey, accessTokenLifetime: settings.auth.accessTokenLifetime,
            refreshTokenLifetime: settings.auth.refreshTokenLifetime, settings: settings.api,
            validator: EngineValidator(registry: registry, connections: connections),
            modules: RegistryModuleCatalog(registry: registry), executionControl: bridge, scheduleObserver: bridge,
            scheduler: bridge, connectionTester: ProductConnectionTester(), metrics: metrics,
            connectionTypes: ProductCatalog.connectionTypes)
        let application = await APIServer.makeServer(
            listener: listener,
            dependencies: dependencies,
            logger: logger,
            onListening: { [logger] port in
                switch listener {
                case .address(let host, _): logger.info("Listening on http://\(host):\(port)")
                case .inheritedSocket(let descriptor):
                    logger.info("Listening on the socket passed by the service manager (fd \(descriptor), port \(port))")
                }
                link.satisfied(.apiListening)
            })
        let reloader = ConfigReloader(
            loader: loader, startup: settings, liveSettings: [.logLevel(LogOutput.level), .rateLimit(dependencies.rateLimit), .schedulerDefaults(parts)],
            link: link, logger: logger)
        let timeZone = settings.scheduler.defaultTimeZone
        let statusService = SystemdStatusService(
            link: link,
            status: {
                guard let runtime = parts.runtime else { return nil }
                let snapshot = try await runtime.snapshot()
                return DaemonStatus(
                    armedSchedules: snapshot.schedules.count, running: snapshot.running, queued: snapshot.pending,
                    nextFire: snapshot.schedules.first?.nextFire, timeZone: timeZone)
            },
            stoppingStatus: "stopping: running executions have \(settings.scheduler.shutdownGrace) to finish",
            logger: logger)
        // Shutdown runs in reverse order: the status service (STOPPING=1) goes first, the store last.
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: storeService),
                .init(service: application),
                .init(service: ReloadService(reloader: reloader)),
                .init(service: statusService),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}

extension Daemon {
    /// The socket systemd passed (`etl-builder.socket`, `$LISTEN_FDS`) when there is one, else
    /// `server.host:server.port`.
    func apiListener() throws -> APIServer.Listener {
        do {
            if let socket = try SocketActivation.listeningStreamSocket(named: "http") {
                return .inheritedSocket(descriptor: socket.fileDescriptor)
            }
        } catch {
            throw DaemonError.serviceManager(error.description)
        }
        return .address(host: settings.server.host, port: settings.server.port)
    }
}

extension SchedulingDefaults {
    /// The scheduler defaults of the `scheduler` configuration section.
    init(_ settings: Settings.Scheduler) {
        self.init(
            timeZone: settings.defaultTimeZone,
            misfirePolicy: MisfirePolicy(rawValue: settings.misfirePolicy) ?? .runOnce,
            maxCatchUp: settings.maxCatchUp,
            overlapPolicy: OverlapPolicy(rawValue: settings.overlapPolicy) ?? .forbid)
    }
}
