// swift-tools-version: 6.2
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "frontier",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "frontier", targets: ["frontier"]),
        .executable(name: "frontier-bench", targets: ["frontier-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .target(
            name: "Basics",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictness
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "Recipes",
            dependencies: ["Basics", "CYAML"],
            resources: [.copy("Prompts")],
            swiftSettings: strictness
        ),
        .target(name: "DatasetDiff", dependencies: ["Basics"], swiftSettings: strictness),
        .target(
            name: "Store",
            dependencies: ["Basics", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictness
        ),
        .target(
            name: "LanguageModels",
            dependencies: [
                "Basics",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "Tools",
            dependencies: [
                "Basics",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "Engine",
            dependencies: [
                "Basics", "Recipes", "Store", "LanguageModels", "Tools", "DatasetDiff",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "Commands",
            dependencies: [
                "Basics", "Recipes", "Store", "LanguageModels", "Engine", "DatasetDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(name: "frontier", dependencies: ["Commands"], swiftSettings: strictness),
        .executableTarget(
            name: "frontier-bench",
            dependencies: [
                "Basics", "Recipes", "Store", "LanguageModels", "Engine", "DatasetDiff",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
        .target(name: "TestSupport", dependencies: ["Basics"], swiftSettings: strictness),
        .testTarget(
            name: "BasicsTests",
            dependencies: ["Basics", "TestSupport"],
            exclude: ["Golden"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "RecipesTests",
            dependencies: ["Recipes", "Basics", "TestSupport"],
            exclude: ["Fixtures", "Golden"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Basics", "TestSupport"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "LanguageModelsTests",
            dependencies: [
                "LanguageModels", "Basics", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ToolsTests",
            dependencies: ["Tools", "Basics", "TestSupport"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "EngineTests",
            dependencies: [
                "Engine", "LanguageModels", "Store", "Recipes", "Tools", "Basics", "TestSupport",
                "DatasetDiff",
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "CommandsTests",
            dependencies: [
                "Commands", "Recipes", "Store", "LanguageModels", "Engine", "Basics", "TestSupport",
            ],
            exclude: ["Golden"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DatasetDiffTests",
            dependencies: ["DatasetDiff", "Basics", "TestSupport"],
            exclude: ["Fixtures", "Golden"],
            swiftSettings: strictness
        ),
    ],
    swiftLanguageModes: [.v6]
)
