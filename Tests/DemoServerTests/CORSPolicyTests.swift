import DemoServerKit
import Testing

@Suite("CORSPolicy: which origins get which headers")
struct CORSPolicyTests {
    private static func names(_ headers: [(name: String, value: String)]) -> [String] { headers.map(\.name) }
    private static func value(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        headers.first { $0.name == name }?.value
    }

    @Test("disabled: no headers for anyone, and no preflight is answered")
    func disabled() {
        let policy = CORSPolicy.disabled
        #expect(!policy.isEnabled)
        #expect(policy.responseHeaders(origin: "http://a.test").isEmpty)
        #expect(policy.responseHeaders(origin: nil).isEmpty)
        #expect(policy.preflightHeaders(method: "OPTIONS", origin: "http://a.test", requestMethod: "POST") == nil)
    }

    @Test("a listed origin is echoed with Vary: Origin; another gets only Vary")
    func listed() throws {
        let policy = try CORSPolicy(origins: ["http://127.0.0.1:5173", "HTTPS://Example.COM"])
        let allowed = policy.responseHeaders(origin: "http://127.0.0.1:5173")
        #expect(Self.value("Access-Control-Allow-Origin", in: allowed) == "http://127.0.0.1:5173")
        #expect(Self.value("Vary", in: allowed) == "Origin")
        let cased = policy.responseHeaders(origin: "https://example.com")
        #expect(Self.value("Access-Control-Allow-Origin", in: cased) == "https://example.com")
        for origin in ["http://127.0.0.1:5174", "http://127.0.0.1", "null", nil] {
            let headers = policy.responseHeaders(origin: origin)
            #expect(Self.names(headers) == ["Vary"], "\(origin ?? "no origin")")
        }
    }

    @Test("* allows every origin without Vary, and adds nothing to a request without Origin")
    func any() throws {
        let policy = try CORSPolicy(origins: ["*", "http://a.test"])
        let headers = policy.responseHeaders(origin: "http://b.test:9")
        #expect(Self.value("Access-Control-Allow-Origin", in: headers) == "*")
        #expect(!Self.names(headers).contains("Vary"))
        #expect(policy.responseHeaders(origin: nil).isEmpty)
    }

    @Test("a preflight from an allowed origin gets methods, headers and max-age")
    func preflight() throws {
        let policy = try CORSPolicy(origins: ["http://a.test"])
        let headers = try #require(
            policy.preflightHeaders(method: "OPTIONS", origin: "http://a.test", requestMethod: "POST")
        )
        #expect(Self.value("Access-Control-Allow-Origin", in: headers) == "http://a.test")
        #expect(Self.value("Access-Control-Allow-Methods", in: headers) == "GET, POST, OPTIONS")
        let allowedHeaders = try #require(Self.value("Access-Control-Allow-Headers", in: headers))
        for name in ["Content-Type", "Authorization", "Last-Event-ID", "Cache-Control"] {
            #expect(allowedHeaders.contains(name))
        }
        #expect(Self.value("Access-Control-Max-Age", in: headers) == "600")
    }

    @Test("a preflight from another origin is answered without CORS headers; non-preflights are routed")
    func refusedPreflight() throws {
        let policy = try CORSPolicy(origins: ["http://a.test"])
        let refused = try #require(
            policy.preflightHeaders(method: "OPTIONS", origin: "http://evil.test", requestMethod: "POST")
        )
        #expect(Self.names(refused) == ["Vary"])
        #expect(policy.preflightHeaders(method: "OPTIONS", origin: nil, requestMethod: "POST") == nil)
        #expect(policy.preflightHeaders(method: "OPTIONS", origin: "http://a.test", requestMethod: nil) == nil)
        #expect(policy.preflightHeaders(method: "GET", origin: "http://a.test", requestMethod: "GET") == nil)
    }

    @Test(
        "values that are not origins are refused",
        arguments: ["", "127.0.0.1:8080", "http://", "http://a.test/", "http://a.test/path", "http://u@a.test", "a b"]
    )
    func invalid(origin: String) {
        #expect(throws: DemoServerError.self) { try CORSPolicy(origins: [origin]) }
    }

    @Test("origins are kept as browsers send them", arguments: [("HTTP://A.Test:8080", "http://a.test:8080")])
    func normalized(given: String, kept: String) throws {
        #expect(try CORSPolicy(origins: [given]).allowedOrigins == [kept])
    }
}
