// swift-tools-version: 6.2
import PackageDescription

/// Settings every target of the product shares: Swift 6 language mode is the
/// package default; these upcoming features keep imports and existentials explicit.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "etl-builder",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "etl-builder", targets: ["ETLBuilder"]),
        .library(name: "Cron", targets: ["Cron"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Scheduling", targets: ["Scheduling"]),
        .library(name: "Pipelines", targets: ["Pipelines"]),
        .library(name: "Parquet", targets: ["Parquet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .target(name: "Cron", swiftSettings: strictSettings),
        .target(
            name: "Scheduling",
            dependencies: [
                "Cron", "Store", "Pipelines",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings),
        .target(name: "Pipelines", swiftSettings: strictSettings),
        .target(name: "Connectors", dependencies: ["Pipelines"], swiftSettings: strictSettings),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "PostgresClient", dependencies: ["CLibPQ", "Pipelines"], swiftSettings: strictSettings),
        .target(name: "PostgresConnector", dependencies: ["PostgresClient", "Pipelines"], swiftSettings: strictSettings),
        .systemLibrary(name: "CSnappy", pkgConfig: "snappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Parquet", dependencies: ["Pipelines", "CSnappy", "CZstd", "CZlib"], swiftSettings: strictSettings),
        .target(
            name: "S3Client",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "S3Connector", dependencies: ["S3Client", "Pipelines", "Connectors", "Parquet", "CZlib"],
            swiftSettings: strictSettings),
        .target(
            name: "HTTPConnector",
            dependencies: [
                "Pipelines", "Connectors",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "Store",
            dependencies: [
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings,
            plugins: ["EmbedMigrations"]),
        .executableTarget(name: "MigrationEmbedder", swiftSettings: strictSettings),
        .plugin(name: "EmbedMigrations", capability: .buildTool(), dependencies: ["MigrationEmbedder"]),
        .target(
            name: "API",
            dependencies: [
                "Store", "Pipelines", "Cron",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings),
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .target(
            name: "Systemd",
            dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "ETLBuilder",
            dependencies: [
                "Cron", "Scheduling", "Pipelines", "Connectors", "PostgresConnector", "Parquet", "HTTPConnector", "S3Connector",
                "Store", "API", "Systemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings),
        .target(name: "TestProcesses", path: "Tests/TestProcesses", swiftSettings: strictSettings),
        .target(
            name: "ParquetChecking", dependencies: ["Pipelines", "TestProcesses"], path: "Tests/ParquetChecking",
            swiftSettings: strictSettings),
        .testTarget(name: "CronTests", dependencies: ["Cron", "TestProcesses"], swiftSettings: strictSettings),
        .testTarget(
            name: "SystemdTests",
            dependencies: ["Systemd", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "SchedulingTests",
            dependencies: [
                "Scheduling", "Cron", "Store", "Pipelines",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "APITests",
            dependencies: [
                "API", "Store", "Pipelines",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "PipelinesTests", dependencies: ["Pipelines"], swiftSettings: strictSettings),
        .testTarget(name: "ConnectorsTests", dependencies: ["Connectors", "Pipelines"], swiftSettings: strictSettings),
        .testTarget(
            name: "PostgresConnectorTests", dependencies: ["PostgresConnector", "PostgresClient", "Connectors", "Pipelines"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HTTPConnectorTests",
            dependencies: [
                "HTTPConnector", "Connectors", "Pipelines",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "S3ConnectorTests", dependencies: ["S3Client", "S3Connector", "Pipelines", "Connectors", "TestProcesses", "ParquetChecking"],
            swiftSettings: strictSettings),
        .testTarget(name: "ParquetTests", dependencies: ["Parquet", "Pipelines", "Connectors", "ParquetChecking"], swiftSettings: strictSettings),
        .testTarget(
            name: "StoreTests",
            dependencies: [
                "Store",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ETLBuilderTests",
            dependencies: [
                "ETLBuilder", "Store", "API", "Systemd", "TestProcesses",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
    ]
)
