/// Where and as whom an ``S3Client`` talks: credentials, region, endpoint and addressing style.
public struct S3Configuration: Sendable, Hashable {
    public var credentials: S3Credentials
    /// The signing region (`us-east-1`…).
    public var region: String
    /// The service endpoint: AWS's regional one, or an S3-compatible server's.
    public var endpoint: S3Endpoint
    /// `bucket` goes in the path (`http://host/bucket/key`) instead of the host name
    /// (`http://bucket.host/key`).
    public var forcePathStyle: Bool

    /// A configuration; without `endpoint`, AWS's `https://s3.<region>.amazonaws.com`.
    public init(credentials: S3Credentials, region: String, endpoint: S3Endpoint? = nil, forcePathStyle: Bool = false) {
        self.credentials = credentials
        self.region = region
        self.endpoint = endpoint ?? S3Endpoint(scheme: "https", host: "s3.\(region).amazonaws.com", port: nil)
        self.forcePathStyle = forcePathStyle
    }

    /// Whether requests for `bucket` put it in the path. Virtual-host addressing needs a DNS
    /// name: an IP address, `localhost` or a bucket name that is not a valid host label
    /// (dots, upper case, underscores) is always addressed by path.
    public func usesPathStyle(for bucket: String) -> Bool {
        if forcePathStyle || endpoint.isAddressOrLocalhost { return true }
        let allowed = bucket.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        return !allowed || bucket.isEmpty
    }
}
