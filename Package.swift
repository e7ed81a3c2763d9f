// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "Newsdrop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "newsdrop", targets: ["Daemon"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .target(
            name: "CLD2Shim",
            linkerSettings: [.linkedLibrary("cld2")]
        ),
        .target(
            name: "Core",
            dependencies: [
                "CStemmer",
                "CLD2Shim",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The archive on a PostgreSQL server (issue 14): its own target, so that Core's SQLite
        // archive and analysis stay free of SwiftNIO.
        .target(
            name: "PostgresArchive",
            dependencies: [
                "Core",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "Daemon",
            dependencies: [
                "Core",
                "PostgresArchive",
                "CSystemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(name: "ClassifyTiming", dependencies: ["Core"], path: "Benchmarks/ClassifyTiming"),
        .executableTarget(name: "StoryTiming", dependencies: ["Core"], path: "Benchmarks/StoryTiming"),
        .executableTarget(name: "ExtractTiming", dependencies: ["Core"], path: "Benchmarks/ExtractTiming"),
        .executableTarget(
            name: "SearchTiming",
            dependencies: ["Core", "PostgresArchive", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/SearchTiming"),
        .executableTarget(name: "MakeRarity", dependencies: ["Core"], path: "Tools/MakeRarity"),
        .executableTarget(name: "Fuzz", dependencies: ["Core"], path: "Tools/Fuzz", exclude: ["fixtures"]),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "DaemonTests"),
        .testTarget(name: "PostgresArchiveTests", dependencies: ["PostgresArchive", "Core"]),
    ]
)

// Warnings are errors in CI (CI=true), so a warning never lands; locally they stay warnings.
let warningsAreErrors: [SwiftSetting] = Context.environment["CI"] == "true" ? [.treatAllWarnings(as: .error)] : []

for target in package.targets where target.type != .system && target.name != "CLD2Shim" {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
        ] + warningsAreErrors
}
