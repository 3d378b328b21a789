import Foundation
import TestSupport
import Testing

/// Debian's `chromium`, run headless on one page: the DOM once the page is idle, and what it logged.
///
/// `--virtual-time-budget` lets the page run until it has had that much (virtual) time with nothing to load:
/// virtual time stops while a response is still streaming, and jumps ahead through the `EventSource`'s reconnect
/// delays, so the DOM is dumped after the reply ended, with no wall-clock wait. Every run has a real timeout too.
struct HeadlessChromium {
    /// What one run produced.
    struct Run {
        /// The serialized DOM (`--dump-dom`).
        var dom: String
        /// The page's console messages (and CSP violations), one per line.
        var console: [String]
    }

    /// The browser; `scripts/install-deps` installs it.
    static let executable = "/usr/bin/chromium"

    /// Loads `url` and returns its DOM once idle.
    /// - Parameters:
    ///   - url: The page.
    ///   - timeout: How long the browser may run at most.
    /// - Returns: The DOM and console lines.
    /// - Throws: When the browser is missing, fails or times out.
    static func dumpDOM(_ url: URL, timeout: Duration = .seconds(60)) async throws -> Run {
        try #require(
            FileManager.default.isExecutableFile(atPath: executable),
            "\(executable) is missing: scripts/install-deps installs it"
        )
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("ssechat-chromium-\(UUID())")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = try CLIProcess(
            executable: executable,
            arguments: [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--user-data-dir=\(profile.path)",
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=600000", "--dump-dom", url.absoluteString,
            ],
            environment: ProcessInfo.processInfo.environment,
            input: .null
        )
        let result = await process.waitForExit(timeout: timeout)
        try #require(!result.timedOut, "chromium did not finish in \(timeout)")
        try #require(result.exitCode == 0, "chromium failed: \(String(decoding: result.stderr, as: UTF8.self))")
        let console = String(decoding: result.stderr, as: UTF8.self).split(separator: "\n")
            .filter { $0.contains(":CONSOLE") }.map(String.init)
        return Run(dom: result.stdoutText, console: console)
    }
}

/// What the chat page shows, read from its dumped DOM.
struct ChatPageDOM {
    /// One turn of the transcript.
    struct Turn {
        var state: String
        var resumes: Int
        var prompt: String
        /// The thinking indicator's text, `nil` while hidden.
        var thinking: String?
        var reply: String
        var note: String
    }

    var turns: [Turn]
    /// The page's `#errors` text.
    var errors: String
    /// The page's status line.
    var status: String

    init(_ dom: String) throws {
        let turn =
            /<section class="turn" data-state="([a-z]+)" data-resumes="(\d+)"><p class="you">([^<]*)<\/p><p class="thinking"( hidden="")?>([^<]*)<\/p><div class="reply">([^<]*)<\/div><p class="note">([^<]*)<\/p><\/section>/
        turns = dom.matches(of: turn).map { match in
            Turn(
                state: String(match.1),
                resumes: Int(match.2) ?? -1,
                prompt: Self.unescaped(match.3),
                thinking: match.4 == nil ? Self.unescaped(match.5) : nil,
                reply: Self.unescaped(match.6),
                note: Self.unescaped(match.7)
            )
        }
        errors = Self.unescaped(try #require(dom.firstMatch(of: /<pre id="errors">([^<]*)<\/pre>/)?.1))
        status = Self.unescaped(try #require(dom.firstMatch(of: /<div id="status" role="status">([^<]*)<\/div>/)?.1))
    }

    /// Text as the DOM serializer escaped it, unescaped.
    static func unescaped(_ text: Substring) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
    }
}
