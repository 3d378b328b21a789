// swift-tools-version: 6.2
import PackageDescription

// Benchmarks for ssechat, kept out of the main package's build graph: CI never builds this package.
// Run everything with `scripts/bench` from the repository root (see docs/PERFORMANCE.md).

/// The main package's targets expose their API with `package` access, which only modules compiled with the same
/// package name can see. SwiftPM names a path dependency's modules after its identity, the directory's name
/// lowercased ("main" in the usual checkout), so every Swift target here opts out of SwiftPM's own package name
/// (`packageAccess: false`) and is compiled with that one instead. SwiftPM turns the identity into a C99 identifier
/// first (a worktree named `wt-bench` compiles as `wt_bench`), so the same is done here.
let mainPackageName: String = {
    let identity = Context.packageDirectory.split(separator: "/").dropLast().last.map { $0.lowercased() } ?? "main"
    var name = String(identity.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    if name.first?.isNumber ?? true { name = "_" + name }
    return name
}()
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
        // Markdown rendering throughput and linearity (docs/PERFORMANCE.md); run by hand, not by scripts/bench.
        .executableTarget(
            name: "render-bench",
            dependencies: ["BenchSupport", .product(name: "TerminalUI", package: "ssechat")],
            packageAccess: false,
            swiftSettings: settings
        ),
        .executableTarget(
            name: "markdown-bench",
            dependencies: ["BenchSupport", .product(name: "Markdown", package: "ssechat")],
            packageAccess: false,
            swiftSettings: settings
        ),
    ]
)
