// swift-tools-version: 6.2
import PackageDescription

// Benchmarks for ssechat, kept out of the main package's build graph: CI never builds this package.
// Run everything with `scripts/bench` from the repository root (see docs/PERFORMANCE.md).

/// The main package's targets expose their API with `package` access, which only modules compiled with the same
/// package name can see. SwiftPM names a path dependency's modules after its identity, the directory's name
/// lowercased with `-` turned into `_` ("main" in the usual checkout, "wt_markdown" in a worktree), so every Swift
/// target here opts out of SwiftPM's own package name (`packageAccess: false`) and is compiled with that one instead.
let mainPackageName =
    Context.packageDirectory.split(separator: "/").dropLast().last.map {
        String($0.lowercased().map { $0 == "-" ? "_" : $0 })
    } ?? "main"
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .unsafeFlags(["-package-name", mainPackageName]),
]

let package = Package(
    name: "ssechat-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "ssechat", path: "..")
    ],
    targets: [
        // ── C helpers: the memory-scan baseline and a malloc counter (interposes malloc in the executable) ──
        .target(name: "CBaseline"),
        .target(name: "CMallocCounter"),

        // ── shared harness: timing, medians, tables ──
        .target(
            name: "BenchSupport",
            dependencies: ["CMallocCounter"],
            packageAccess: false,
            swiftSettings: settings
        ),

        // ── benchmarks ──
        .executableTarget(
            name: "parser-bench",
            dependencies: [
                "BenchSupport", "CBaseline",
                .product(name: "SSE", package: "ssechat"),
                .product(name: "ChatWire", package: "ssechat"),
            ],
            packageAccess: false,
            swiftSettings: settings
        ),
        // End-to-end baselines (issue 5): a URLSession delegate that only counts bytes, and the startup floor.
        .executableTarget(name: "bare-client", packageAccess: false, swiftSettings: settings),
        .executableTarget(name: "hello-networking", packageAccess: false, swiftSettings: settings),
        // Markdown parser throughput and linearity (docs/MARKDOWN.md); run by hand, not by scripts/bench.
        .executableTarget(
            name: "markdown-bench",
            dependencies: [.product(name: "Markdown", package: "ssechat")],
            packageAccess: false,
            swiftSettings: settings
        ),
    ]
)
