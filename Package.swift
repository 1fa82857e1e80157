// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "RedSolucionesBot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "launcher", targets: ["launcher"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
    ],
    targets: [
        // The system SQLite (libsqlite3-dev on Debian/Ubuntu).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // The heart: domain, understanding and conversations. No networking, no storage.
        .target(name: "AgentCore"),
        // The one SQLite database: sessions, inbox, outbox, dedupe, local workbook.
        .target(name: "Store", dependencies: ["CSQLite", "AgentCore"]),
        // The back office seam's local implementation, the cache and the outbox deliverer.
        .target(
            name: "BackOffice",
            dependencies: ["AgentCore", "Store", .product(name: "Logging", package: "swift-log")]
        ),
        // Configuration, the turn pipeline and the operator commands, wired for the launcher.
        .target(
            name: "App",
            dependencies: [
                "AgentCore", "Store", "BackOffice",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Configuration", package: "swift-configuration"),
            ]
        ),
        .executableTarget(
            name: "launcher",
            dependencies: ["App", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "AgentCoreTests",
            dependencies: ["AgentCore", "BackOffice"],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "StoreTests", dependencies: ["Store", "BackOffice", "AgentCore"]),
        .testTarget(name: "AppTests", dependencies: ["App", "AgentCore", "Store", "BackOffice"]),
        // Runs the real `launcher` binary, as an operator would.
        .testTarget(name: "LauncherTests", dependencies: ["launcher"]),
    ]
)
