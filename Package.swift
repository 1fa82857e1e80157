// swift-tools-version: 6.2
import PackageDescription

/// What every API client links: the shared JSON exchange, the HTTP client and logging.
let apiClient: [Target.Dependency] = [
    "JSONAPI",
    .product(name: "AsyncHTTPClient", package: "async-http-client"),
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
    .product(name: "Logging", package: "swift-log"),
]

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
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The system SQLite (libsqlite3-dev on Debian/Ubuntu).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // The heart: domain, understanding and conversations. No networking, no storage.
        // Optimised even in debug builds: the intent model trains at every start (5 s
        // unoptimised, a fraction of a second optimised), and the tests start the bot often.
        .target(name: "AgentCore", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // What the channels share: the ports they plug into (inbox, sender, media), constant-time
        // comparison of secrets, lenient decoding of platform payloads.
        .target(name: "ChannelKit", dependencies: ["AgentCore"]),
        // One JSON request and its answer, and how a request that got no answer failed: what
        // the four API clients share.
        .target(
            name: "JSONAPI",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),
        // The one SQLite database: sessions, inbox, outbox, dedupe, local workbook.
        .target(name: "Store", dependencies: ["CSQLite", "AgentCore"]),
        // The back office seam's local implementation, the cache and the outbox deliverer.
        .target(
            name: "BackOffice",
            dependencies: ["AgentCore", "Store", .product(name: "Logging", package: "swift-log")]
        ),
        // The real back office: service-account auth (RS256 JWT), a Sheets v4 client, the
        // spreadsheet behind the BackOffice seam.
        .target(
            name: "GoogleSheets",
            dependencies: [
                "AgentCore", "BackOffice",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
            ] + apiClient
        ),
        // The Telegram front-end: Bot API client, long polling and webhook, replies as keyboards.
        .target(
            name: "Telegram",
            dependencies: ["AgentCore", "ChannelKit"] + apiClient
        ),
        // The WhatsApp front-end: Cloud API client, signed webhook, every message type.
        .target(
            name: "WhatsApp",
            dependencies: [
                "AgentCore", "ChannelKit", .product(name: "Crypto", package: "swift-crypto"),
            ] + apiClient
        ),
        // Gemini: understanding and phrasing, with the offline rules as the safety net.
        .target(
            name: "Gemini",
            dependencies: [
                "AgentCore", "ChannelKit", .product(name: "Metrics", package: "swift-metrics"),
            ] + apiClient
        ),
        // Loopback emulators of the external APIs: only the tests and the benchmark link them.
        .target(
            name: "Emulators",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            path: "Tests/Emulators"
        ),
        // Configuration, the turn pipeline and the operator commands, wired for the launcher.
        .target(
            name: "App",
            dependencies: [
                "AgentCore", "ChannelKit", "Store", "BackOffice", "GoogleSheets", "Telegram", "WhatsApp", "Gemini",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Configuration", package: "swift-configuration"),
            ]
        ),
        .executableTarget(
            name: "launcher",
            dependencies: ["App", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `swift run -c release emulator-bench`: figures measured against the loopback emulators.
        .executableTarget(
            name: "emulator-bench",
            dependencies: ["App", "GoogleSheets", "Emulators", "BackOffice", "AgentCore", "Store",
                           .product(name: "Logging", package: "swift-log")]
        ),
        // The external APIs' payload samples the tests replay, kept in the repository.
        .target(name: "Fixtures", path: "Tests/Fixtures", resources: [.copy("Resources")]),
        .testTarget(
            name: "AgentCoreTests",
            dependencies: ["AgentCore", "BackOffice"],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "StoreTests", dependencies: ["Store", "BackOffice", "AgentCore", "Fixtures"]),
        .testTarget(name: "AppTests", dependencies: ["App", "AgentCore", "ChannelKit", "Store", "BackOffice", "GoogleSheets", "Telegram", "WhatsApp", "Gemini", "Emulators", "Fixtures"],
                    resources: [.copy("Resources")]),
        // Runs the real `launcher` binary, as an operator would.
        .testTarget(
            name: "LauncherTests",
            dependencies: ["launcher", "Emulators", "Fixtures", "BackOffice", "AgentCore", "Store",
                           .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .testTarget(name: "GoogleSheetsTests", dependencies: ["GoogleSheets", "Emulators", "AgentCore", "BackOffice", "Store", "Fixtures"]),
    ]
)
