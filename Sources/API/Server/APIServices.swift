import Pipelines
import Store

/// The shared objects of the routes: the dependencies plus what is built from them once
/// (token service, authenticator, fire-time calculator).
struct APIServices: Sendable {
    let dependencies: APIServer.Dependencies
    let tokens: TokenService
    let authenticator: Authenticator
    let fireTimes: FireTimeCalculator
    /// Pages of `GET /pipelines` (the list the web UI polls); API writes to pipelines and executions invalidate it.
    let pipelineListCache: ListResponseCache

    init(dependencies: APIServer.Dependencies) async {
        self.dependencies = dependencies
        self.tokens = await TokenService(
            signingKey: dependencies.jwtSigningKey, accessTokenLifetime: dependencies.accessTokenLifetime,
            refreshTokenLifetime: dependencies.refreshTokenLifetime)
        self.authenticator = Authenticator(store: dependencies.store, tokens: tokens)
        self.fireTimes = FireTimeCalculator(defaultTimeZone: dependencies.settings.defaultTimeZone)
        self.pipelineListCache = ListResponseCache(lifetime: dependencies.settings.listCacheLifetime)
    }

    var store: any MetadataStore { dependencies.store }
    var settings: APISettings { dependencies.settings }
    var version: String { dependencies.version }
    var readiness: Readiness { dependencies.readiness }
    var events: ExecutionEvents { dependencies.events }
}
