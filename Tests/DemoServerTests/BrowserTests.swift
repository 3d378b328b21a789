import DemoRelay
import DemoServerKit
import Foundation
import SSE
import SSEClient
import Synchronization
import TestSupport
import Testing

/// The chat page and CORS in a real browser (Debian's headless `chromium`), one browser at a time.
@Suite("The chat page in headless Chromium", .serialized, .timeLimit(.minutes(2)))
struct BrowserTests {
    /// The page's URL on `server`, asking `prompt` at once.
    private static func pageURL(_ server: DemoServer, asking prompt: String) throws -> URL {
        var components = try #require(URLComponents(url: server.baseURL, resolvingAgainstBaseURL: false))
        components.path = "/"
        components.queryItems = [URLQueryItem(name: "q", value: prompt)]
        return try #require(components.url)
    }

    /// The reply to `prompt` as an SSE client reads `GET /chat` (data lines joined per the spec), from a server
    /// without faults.
    private static func expectedReply(_ prompt: String) async throws -> String {
        try await withDemoServer(testConfiguration()) { server in
            var text = ""
            for try await event in plainSource(server, prompt: prompt).events() {
                if event.type == "end" { break }
                if event.type == "message" { text += event.data }
            }
            return text
        }
    }

    /// Loads the page on a fresh server with `faults`, asking `prompt`.
    private static func ask(_ prompt: String, faults: DemoFaults = .none) async throws -> (ChatPageDOM, [String]) {
        try await withDemoServer(testConfiguration(faults: faults)) { server in
            let run = try await HeadlessChromium.dumpDOM(try pageURL(server, asking: prompt))
            return (try ChatPageDOM(run.dom), run.console)
        }
    }

    @Test("the page shows exactly the streamed reply, CJK and emoji included, with no console errors")
    func reply() async throws {
        let prompt = "Why is the sky blue?"
        let expected = try await Self.expectedReply(prompt)
        #expect(expected.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        #expect(expected.unicodeScalars.contains { $0.properties.isEmojiPresentation })
        let (page, console) = try await Self.ask(prompt)
        let turn = try #require(page.turns.first)
        #expect(page.turns.count == 1)
        #expect(turn.prompt == prompt)
        #expect(turn.reply == expected)
        #expect(turn.state == "done")
        #expect(turn.resumes == 0)
        #expect(page.errors.isEmpty)
        #expect(console.isEmpty, "\(console)")
    }

    @Test("mid-reply: the thinking indicator until the first token, then the reply so far and a dropped status")
    func midReply() async throws {
        let prompt = "Why is the sky blue?"
        let expected = try await Self.expectedReply(prompt)
        // Each response ends after `events` events and the browser is told to wait an hour before reconnecting:
        // the page stays as it was after those events until the virtual time budget is used up.
        for events in [1, 4] {
            var configuration = testConfiguration(faults: DemoFaults(dropAfterEvents: events))
            configuration.retryMilliseconds = 3_600_000
            let run = try await withDemoServer(configuration) { server in
                try await HeadlessChromium.dumpDOM(try Self.pageURL(server, asking: prompt))
            }
            let page = try ChatPageDOM(run.dom)
            let turn = try #require(page.turns.first)
            #expect(turn.state == "streaming")
            #expect(page.status == "connection dropped, reconnecting…")
            if events == 1 {
                #expect(turn.thinking == "Thinking about “Why is the sky blue”…")
                #expect(turn.reply.isEmpty)
            } else {
                #expect(turn.thinking == nil)
                #expect(!turn.reply.isEmpty)
                #expect(expected.hasPrefix(turn.reply))
            }
            #expect(run.console.isEmpty, "\(run.console)")
        }
    }

    @Test(
        "through dropped connections the text is identical and the page says it resumed",
        arguments: [
            DemoFaults(dropAfterEvents: 5),
            DemoFaults(dropAfterEvents: 5, dropMidEvent: true),
            DemoFaults(dropProbability: 0.3, seed: 1),
        ]
    )
    func resumes(faults: DemoFaults) async throws {
        let prompt = "resume me, 日本語 and 🚀 too"
        let expected = try await Self.expectedReply(prompt)
        let (page, console) = try await Self.ask(prompt, faults: faults)
        let turn = try #require(page.turns.first)
        #expect(turn.reply == expected)
        #expect(turn.state == "done")
        #expect(turn.resumes > 0)
        #expect(turn.note.contains("resumed \(turn.resumes)× after a dropped connection"))
        #expect(page.errors.isEmpty)
        #expect(console.isEmpty, "\(console)")
    }

    /// Hostile reply text, each tag whole in one event (so `innerHTML += data` would build the elements).
    private static let hostileTokens = [
        "Look: ", "<img src=x onerror=\"document.title='pwned'\">", " and ",
        "<script>document.title='pwned'</script>", " and <b>bold</b>\nline two ", "&amp; 漢字 🦊",
    ]

    @Test("relay mode, hostile upstream text: the page shows it as text and runs nothing")
    func hostileText() async throws {
        let upstream = try LoopbackHTTPServer { request, writer in
            if request.target.hasSuffix("/models") {
                let body = Array(#"{"object":"list","data":[{"id":"scripted","object":"model"}]}"#.utf8)
                writer.writeHead(headers: [("Content-Type", "application/json"), ("Content-Length", "\(body.count)")])
                _ = writer.write(body)
            } else {
                writer.writeEventStreamHead()
                for event in Transcript.openAI(Self.hostileTokens) { _ = writer.write(event) }
            }
            writer.close()
        }
        defer { upstream.stop() }
        var configuration = testConfiguration(faults: DemoFaults(dropAfterEvents: 2, dropMidEvent: true))
        configuration.upstream = UpstreamRelay(upstream: upstream.url("/v1"))
        try await withDemoServer(configuration) { server in
            let run = try await HeadlessChromium.dumpDOM(try Self.pageURL(server, asking: "say something nasty"))
            let page = try ChatPageDOM(run.dom)
            let turn = try #require(page.turns.first)
            #expect(turn.state == "done")
            #expect(turn.resumes > 0)
            #expect(turn.reply == Self.hostileTokens.joined())
            #expect(!run.dom.contains("<img"))
            #expect(!run.dom.contains("<b>"))
            #expect(run.dom.components(separatedBy: "<script").count == 2)
            #expect(run.dom.contains("<title>ssechat</title>"))
            #expect(page.errors.isEmpty)
            #expect(run.console.isEmpty, "\(run.console)")
        }
        let chatRequest = try #require(upstream.requests.first { $0.method == "POST" })
        #expect(String(decoding: chatRequest.body, as: UTF8.self).contains(#""model":"scripted""#))
    }

    /// A page on another origin (a second loopback server) using `server` through `EventSource` and a `fetch` POST.
    private static func crossOriginPage(for server: URL) -> String {
        """
        <!doctype html><html><body><p id="es">pending</p><p id="fetch">pending</p><script>
        const server = '\(server.absoluteString)';
        const out = (id, text) => { document.getElementById(id).textContent = text; };
        const source = new EventSource(server + '/chat?q=' + encodeURIComponent('from another origin'));
        let text = '';
        source.onmessage = (event) => { text += event.data; };
        source.addEventListener('end', () => { source.close(); out('es', 'ok ' + text.length); });
        source.onerror = () => { if (source.readyState === EventSource.CLOSED) out('es', 'blocked'); };
        fetch(server + '/v1/chat/completions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ model: 'x', messages: [{ role: 'user', content: 'from another origin' }] })
        }).then((response) => response.json())
          .then((body) => out('fetch', 'ok ' + body.choices[0].message.content.length))
          .catch(() => out('fetch', 'blocked'));
        </script></body></html>
        """
    }

    @Test(
        "a page on another origin works with --cors-origin that origin (through drops) and is blocked without it",
        arguments: [true, false]
    )
    func crossOrigin(allowed: Bool) async throws {
        let html = Mutex("")
        let other = try LoopbackHTTPServer { _, writer in
            let body = Array(html.withLock { $0 }.utf8)
            writer.writeHead(
                status: 200,
                headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", "\(body.count)")]
            )
            _ = writer.write(body)
            writer.close()
        }
        defer { other.stop() }
        let origin = "http://127.0.0.1:\(other.port)"
        // Drops too: the browser's reconnections (with Last-Event-ID) are cross-origin requests as well.
        var configuration = testConfiguration(faults: DemoFaults(dropAfterEvents: 5, dropMidEvent: true))
        configuration.cors = try CORSPolicy(origins: allowed ? [origin] : ["http://127.0.0.1:1"])
        let expectedLength = try await Self.expectedReply("from another origin").utf16.count
        try await withDemoServer(configuration) { server in
            html.withLock { $0 = Self.crossOriginPage(for: server.baseURL) }
            let run = try await HeadlessChromium.dumpDOM(other.url("/"))
            let eventSource = run.dom.firstMatch(of: /<p id="es">([^<]*)<\/p>/)?.1
            let fetched = run.dom.firstMatch(of: /<p id="fetch">([^<]*)<\/p>/)?.1
            if allowed {
                #expect(eventSource == "ok \(expectedLength)")
                #expect(fetched.map { $0.hasPrefix("ok ") && $0 != "ok 0" } == true, "\(fetched ?? "")")
                #expect(run.console.isEmpty, "\(run.console)")
            } else {
                #expect(eventSource == "blocked")
                #expect(fetched == "blocked")
                #expect(run.console.contains { $0.contains("CORS policy") }, "\(run.console)")
            }
        }
    }
}
