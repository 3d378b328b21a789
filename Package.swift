// swift-tools-version: 6.2
import PackageDescription

/// Upcoming-feature flags shared by every target (see CONTRIBUTING.md).
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ssechat",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ssechat", targets: ["ssechat"]),
        // Library products only for the separate Benchmarks package (Benchmarks/Package.swift).
        .library(name: "SSE", targets: ["SSE"]),
        .library(name: "ChatWire", targets: ["ChatWire"]),
        .library(name: "SSEClient", targets: ["SSEClient"]),
        .library(name: "Markdown", targets: ["Markdown"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // ── pure logic: no I/O, no clocks, no globals ──
        .target(name: "SSE", swiftSettings: settings),
        .target(name: "ChatWire", dependencies: ["SSE"], swiftSettings: settings),
        .target(name: "Markdown", swiftSettings: settings),
        .target(name: "CodeHighlighting", swiftSettings: settings),
        // The config file's schema and the precedence of settings; TOMLKit only parses text (no I/O).
        .target(
            name: "Settings",
            dependencies: ["ChatWire", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: settings
        ),

        // ── I/O adapters: each wraps exactly one outside thing ──
        .target(name: "SSEClient", dependencies: ["SSE"], swiftSettings: settings),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "LineEditor", dependencies: ["CLibEdit"], swiftSettings: settings),
        // The renderer's value types, plus the terminal probes they need (isatty, TIOCGWINSZ, NO_COLOR); no writes.
        .target(name: "TerminalUI", dependencies: ["Markdown", "CodeHighlighting"], swiftSettings: settings),
        // The kept conversations: SQLite (system libsqlite3) through GRDB, WAL, FTS5; CSQLiteConfig reaches the
        // one variadic SQLite call it needs.
        .target(name: "CSQLiteConfig", dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(
            name: "ConversationStore",
            dependencies: ["CSQLiteConfig", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: settings
        ),

        // ── orchestration and app ──
        .target(name: "ChatClient", dependencies: ["SSE", "ChatWire", "SSEClient"], swiftSettings: settings),
        .target(
            name: "DemoServerKit",
            dependencies: [
                "SSE", "ChatWire",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            swiftSettings: settings
        ),
        .target(
            name: "DemoRelay",
            dependencies: ["SSE", "ChatWire", "SSEClient", "DemoServerKit"],
            swiftSettings: settings
        ),
        .target(
            name: "ChatCLI",
            dependencies: [
                "SSE", "ChatWire", "SSEClient", "ChatClient", "TerminalUI", "Markdown", "CodeHighlighting",
                "LineEditor", "DemoServerKit", "DemoRelay", "Settings", "ConversationStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(name: "ssechat", dependencies: ["ChatCLI"], swiftSettings: settings),

        // ── test support ──
        .target(name: "CPseudoTerminal"),
        .target(
            name: "TestSupport",
            dependencies: ["CPseudoTerminal"],
            swiftSettings: settings
        ),
        .testTarget(name: "SSETests", dependencies: ["SSE", "TestSupport"], swiftSettings: settings),
        .testTarget(
            name: "SSEClientTests",
            dependencies: ["SSE", "SSEClient", "TestSupport"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "ChatClientTests",
            dependencies: ["ChatClient", "ChatWire", "SSEClient", "TestSupport"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "ChatWireTests",
            dependencies: ["SSE", "ChatWire", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI", "Markdown", "TestSupport"],
            exclude: ["Golden/render-golden.json"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "SettingsTests",
            dependencies: ["Settings", "ChatWire"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "MarkdownTests",
            dependencies: ["Markdown"],
            resources: [.copy("Fixtures")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "CodeHighlightingTests",
            dependencies: ["CodeHighlighting", "TestSupport"],
            swiftSettings: settings
        ),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "TestSupport"], swiftSettings: settings),
        .executableTarget(
            name: "line-editor-harness",
            dependencies: ["LineEditor"],
            path: "Tests/Harnesses/line-editor-harness",
            swiftSettings: settings
        ),
        .testTarget(
            name: "DemoServerTests",
            dependencies: ["SSE", "SSEClient", "ChatWire", "DemoServerKit", "DemoRelay", "TestSupport"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "ConversationStoreTests",
            dependencies: ["ConversationStore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "ChatCLITests",
            dependencies: [
                "ChatCLI", "ChatClient", "ChatWire", "TerminalUI", "TestSupport", "ConversationStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: settings
        ),
    ]
)
