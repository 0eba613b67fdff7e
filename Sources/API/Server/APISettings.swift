/// The tunable behaviour of the API, read from the daemon's configuration (`api.*`, `auth.*`, `docs.*`).
public struct APISettings: Sendable {
    /// Requests per minute per user (per client IP when anonymous); 0 switches rate limiting off.
    public var rateLimitPerMinute: Int
    /// Origins allowed by CORS: empty for none (same-origin only), `["*"]` for any.
    public var corsAllowedOrigins: [String]
    /// Whether `POST /auth/register` is open.
    public var registrationEnabled: Bool
    /// Failed logins in a row that lock an account.
    public var loginLockoutThreshold: Int
    /// How long a locked account stays locked.
    public var loginLockoutDuration: Duration
    /// Shortest accepted password, in characters.
    public var passwordMinimumLength: Int
    /// Responses at least this large are gzip-compressed for clients that accept it; 0 disables.
    public var gzipMinimumBytes: Int
    /// Directory holding the Swagger UI and ReDoc assets; nil loads them from a CDN.
    public var docsAssetsDirectory: String?
    /// IANA zone for schedules that name none.
    public var defaultTimeZone: String
    /// How long a page of `GET /pipelines` is served from memory (changes made outside the API,
    /// such as an execution finishing, show within it); zero disables the cache.
    public var listCacheLifetime: Duration

    /// Settings; the defaults are the documented configuration defaults.
    public init(
        rateLimitPerMinute: Int = 60, corsAllowedOrigins: [String] = [], registrationEnabled: Bool = true,
        loginLockoutThreshold: Int = 5, loginLockoutDuration: Duration = .seconds(900), passwordMinimumLength: Int = 8,
        gzipMinimumBytes: Int = 1024, docsAssetsDirectory: String? = nil, defaultTimeZone: String = "UTC",
        listCacheLifetime: Duration = .seconds(1)
    ) {
        self.rateLimitPerMinute = rateLimitPerMinute
        self.corsAllowedOrigins = corsAllowedOrigins
        self.registrationEnabled = registrationEnabled
        self.loginLockoutThreshold = loginLockoutThreshold
        self.loginLockoutDuration = loginLockoutDuration
        self.passwordMinimumLength = passwordMinimumLength
        self.gzipMinimumBytes = gzipMinimumBytes
        self.docsAssetsDirectory = docsAssetsDirectory
        self.defaultTimeZone = defaultTimeZone
        self.listCacheLifetime = listCacheLifetime
    }
}
