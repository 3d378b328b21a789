import DemoRelay
import DemoServerKit
import Foundation
import SSE
import SSEClient
import Testing

@Suite("The chat page and CORS on the wire", .timeLimit(.minutes(1)))
struct CORSAndPageTests {
    private static func corsConfiguration(_ origins: [String], faults: DemoFaults = .none) throws
        -> DemoServerConfiguration
    {
        var configuration = testConfiguration(replyTokens: 4, faults: faults)
        configuration.cors = try CORSPolicy(origins: origins)
        return configuration
    }

    private static func port(_ server: DemoServer) -> UInt16 { UInt16(server.baseURL.port ?? 0) }

    @Test("GET / is the page: HTML, its nonce in the CSP and on its only script and style, nothing external")
    func page() async throws {
        try await withDemoServer(testConfiguration()) { server in
            let exchange = try await RawHTTPExchange.get("/", port: Self.port(server))
            #expect(exchange.status == 200)
            #expect(exchange.headers["content-type"] == "text/html; charset=utf-8")
            let csp = try #require(exchange.headers["content-security-policy"])
            #expect(csp.hasPrefix("default-src 'none'; "))
            let nonce = try #require(csp.firstMatch(of: /script-src 'nonce-([A-Za-z0-9+\/=]{24})'/)?.1)
            #expect(csp.contains("style-src 'nonce-\(nonce)'"))
            #expect(csp.contains("connect-src 'self'"))
            #expect(!csp.contains("unsafe"))
            let html = String(decoding: exchange.body, as: UTF8.self)
            #expect(html.components(separatedBy: "<script").count == 2)
            #expect(html.contains("<script nonce=\"\(nonce)\">"))
            #expect(html.contains("<style nonce=\"\(nonce)\">"))
            for banned in ["http://", "https://", "src=", "innerHTML", "eval(", "new Function", "{{nonce}}"] {
                #expect(!html.contains(banned), "\(banned)")
            }
            let again = try await RawHTTPExchange.get("/", port: Self.port(server))
            #expect(again.headers["content-security-policy"] != csp)
        }
    }

    @Test("A HEAD gets the head alone, never a body a kept connection would carry into the next response")
    func headHasNoBody() async throws {
        try await withDemoServer(testConfiguration()) { server in
            for target in ["/v1/chat/completions", "/", "/nowhere"] {
                let exchange = try await RawHTTPExchange.send(
                    "HEAD \(target) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    port: Self.port(server)
                )
                #expect(exchange.status >= 200, "\(target)")
                #expect(exchange.body.isEmpty, "\(target): \(String(decoding: exchange.body, as: UTF8.self))")
            }
        }
    }

    @Test("without --cors-origin nothing changes: no CORS headers, OPTIONS is 405")
    func off() async throws {
        try await withDemoServer(testConfiguration(replyTokens: 3)) { server in
            let events = try await RawHTTPExchange.get(
                "/chat?q=hi",
                port: Self.port(server),
                headers: ["Origin": "http://127.0.0.1:1"]
            )
            #expect(events.status == 200)
            #expect(events.headers.keys.allSatisfy { !$0.hasPrefix("access-control-") && $0 != "vary" })
            let preflight = try await RawHTTPExchange.send(
                "OPTIONS /v1/chat/completions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: http://127.0.0.1:1\r\n"
                    + "Access-Control-Request-Method: POST\r\n\r\n",
                port: Self.port(server)
            )
            #expect(preflight.status == 405)
        }
    }

    @Test("an allowed origin gets its headers on events, errors and the 204 after the end")
    func everyResponse() async throws {
        let origin = "http://127.0.0.1:5173"
        try await withDemoServer(try Self.corsConfiguration([origin])) { server in
            let port = Self.port(server)
            let stream = try await RawHTTPExchange.get("/chat?q=hi", port: port, headers: ["Origin": origin])
            let lastID = try #require(
                String(decoding: stream.body, as: UTF8.self).matches(of: /id: (\S+)/).last.map { String($0.1) }
            )
            let ended = try await RawHTTPExchange.get(
                "/chat",
                port: port,
                headers: ["Origin": origin, "Last-Event-ID": lastID]
            )
            #expect(ended.status == 204)
            let error = try await RawHTTPExchange.get("/chat", port: port, headers: ["Origin": origin])
            #expect(error.status == 400)
            let missing = try await RawHTTPExchange.get("/nowhere", port: port, headers: ["Origin": origin])
            #expect(missing.status == 404)
            let page = try await RawHTTPExchange.get("/", port: port, headers: ["Origin": origin])
            for exchange in [stream, ended, error, missing, page] {
                #expect(exchange.headers["access-control-allow-origin"] == origin, "\(exchange.status)")
                #expect(exchange.headers["vary"] == "Origin")
            }
            let other = try await RawHTTPExchange.get("/chat?q=hi", port: port, headers: ["Origin": "http://x.test"])
            #expect(other.headers["access-control-allow-origin"] == nil)
        }
    }

    @Test(
        "a preflight (and the page) is answered before the API key and status fault; another origin's gets no headers"
    )
    func preflight() async throws {
        var configuration = try Self.corsConfiguration(["http://a.test"], faults: DemoFaults(status: 503))
        configuration.apiKey = "k"
        try await withDemoServer(configuration) { server in
            func preflight(_ origin: String) async throws -> RawHTTPExchange {
                try await RawHTTPExchange.send(
                    "OPTIONS /v1/chat/completions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nOrigin: \(origin)\r\n"
                        + "Access-Control-Request-Method: POST\r\n"
                        + "Access-Control-Request-Headers: authorization, content-type\r\n\r\n",
                    port: Self.port(server)
                )
            }
            let allowed = try await preflight("http://a.test")
            #expect(allowed.status == 204)
            #expect(allowed.headers["access-control-allow-origin"] == "http://a.test")
            #expect(allowed.headers["access-control-allow-methods"] == "GET, POST, OPTIONS")
            #expect(allowed.headers["access-control-allow-headers"]?.contains("Last-Event-ID") == true)
            let refused = try await preflight("http://b.test")
            #expect(refused.status == 204)
            #expect(refused.headers["access-control-allow-origin"] == nil)
            let failing = try await RawHTTPExchange.get(
                "/v1/models",
                port: Self.port(server),
                headers: ["Origin": "http://a.test"]
            )
            #expect(failing.status == 503)
            #expect(failing.headers["access-control-allow-origin"] == "http://a.test")
            let page = try await RawHTTPExchange.get("/", port: Self.port(server))
            #expect(page.status == 200)
        }
    }

    @Test("relay mode: /v1/models is the upstream's list and /chat streams the upstream's reply as plain events")
    func relay() async throws {
        var upstreamConfiguration = testConfiguration(replyTokens: 30)
        upstreamConfiguration.modelName = "upstream-model"
        try await withDemoServer(upstreamConfiguration) { upstream in
            let direct = try await readOpenAIReply(chatSource(upstream, prompt: "relay the page"))
            var configuration = testConfiguration(faults: DemoFaults(dropAfterEvents: 4))
            configuration.upstream = UpstreamRelay(upstream: upstream.baseURL.appendingPathComponent("v1"))
            try await withDemoServer(configuration) { relay in
                let models = try await httpRequest(relay.baseURL.appendingPathComponent("v1/models"))
                #expect(models.status == 200)
                #expect(models.body.contains("\"upstream-model\""))
                #expect(!models.body.contains(DemoServerConfiguration.demoModelName))
                var text = ""
                var types: [String] = []
                for try await event in plainSource(relay, prompt: "relay the page").events() {
                    types.append(event.type)
                    if event.type == "message" { text += event.data }
                    if event.type == "end" { break }
                }
                #expect(text == direct.text)
                #expect(types.first == "thinking")
                #expect(types.last == "end")
            }
        }
    }
}
