import Pipelines

extension ConnectionType {
    /// `postgres`: a server reached with libpq, by `host`/`port`/`database`/`username`/`password`
    /// (+ `ssl_mode` and libpq's TLS and keepalive keywords) or by a whole `url`.
    public static let postgres = ConnectionType(
        name: "postgres",
        schema: [
            "type": "object",
            "properties": [
                "host": ["type": "string"], "hostaddr": ["type": "string"],
                "port": ["type": "integer", "minimum": 1, "maximum": 65535],
                "database": ["type": "string"], "username": ["type": "string"], "password": ["type": "string"],
                "ssl_mode": ["type": "string", "enum": ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]],
                "url": ["type": "string"],
                "connect_timeout": ["type": "integer", "minimum": 1, "maximum": 3600],
                "application_name": ["type": "string"], "options": ["type": "string"],
                "sslrootcert": ["type": "string"], "sslcert": ["type": "string"], "sslkey": ["type": "string"],
                "sslpassword": ["type": "string"], "sslcrl": ["type": "string"],
                "target_session_attrs": ["type": "string"], "channel_binding": ["type": "string"],
                "gssencmode": ["type": "string"], "krbsrvname": ["type": "string"],
                "keepalives": ["type": "integer"], "keepalives_idle": ["type": "integer"],
                "keepalives_interval": ["type": "integer"], "keepalives_count": ["type": "integer"],
                "tcp_user_timeout": ["type": "integer"],
            ],
            "additionalProperties": false,
        ],
        rules: { config in
            guard config["url"] == nil else { return [] }
            return ["host", "database", "username"].filter { config[$0] == nil }.map {
                ConnectionConfigProblem(path: "config.\($0)", message: "\($0) is required (or give a url)")
            }
        })
}
