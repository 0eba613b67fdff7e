// swift-tools-version: 6.2
import PackageDescription

// Benchmarks live in their own package so the main build stays lean.
// Run: swift package --disable-sandbox benchmark
let package = Package(
    name: "etl-builder-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "etl-builder", path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "CronBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Cron", package: "etl-builder"),
            ],
            path: "Benchmarks/CronBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SchedulingBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Scheduling", package: "etl-builder"),
                .product(name: "Store", package: "etl-builder"),
                .product(name: "Pipelines", package: "etl-builder"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/SchedulingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
