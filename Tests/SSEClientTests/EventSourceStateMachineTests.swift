import Foundation
import SSEClient
import Testing

@Suite("EventSourceStateMachine and Backoff: responses and reconnections without I/O")
struct EventSourceStateMachineTests {
    let dropped = EventSourceError(.network, endpoint: "h:1")
    static let start = EventSourceRequest(url: URL(string: "http://h:1/stream")!, method: "POST", body: Data("{}".utf8))

    func machine(
        maxReconnects: Int? = nil,
        maxFailures: Int? = nil,
        maxRedirects: Int = 10,
        acceptsJSON: Bool = false
    ) -> EventSourceStateMachine {
        EventSourceStateMachine(
            request: Self.start,
            reconnectionTime: .seconds(3),
            limits: .init(
                maxDelay: .seconds(30),
                maxReconnects: maxReconnects,
                maxConsecutiveFailures: maxFailures,
                maxRedirects: maxRedirects,
                acceptsJSONDocument: acceptsJSON
            )
        )
    }

    @Test("after a connection that delivered events the wait is exactly the reconnection time")
    func plainWaitAfterEvents() {
        var policy = machine()
        policy.opened()
        policy.eventDelivered()
        #expect(policy.ended(error: dropped, jitter: 0.99) == .reconnect(after: .seconds(3)))
    }

    @Test("the server's retry replaces the reconnection time")
    func retryField() {
        var policy = machine()
        policy.opened()
        policy.eventDelivered()
        policy.retryReceived(milliseconds: 250)
        #expect(policy.ended(error: nil, jitter: 0.5) == .reconnect(after: .milliseconds(250)))
    }

    @Test("failures in a row double the wait, within jitter, up to the cap")
    func exponentialBackoff() {
        var policy = machine()
        policy.opened()
        let actions = (0..<8).map { _ in policy.ended(error: dropped, jitter: 1.0) }
        let waits: [Duration] = [3, 6, 12, 24, 30, 30, 30, 30].map { .seconds($0) }
        #expect(actions == waits.map { .reconnect(after: $0) })
    }

    @Test("jitter spreads the wait over its upper half, never under the reconnection time")
    func jitterRange() {
        #expect(Backoff.delay(consecutiveFailures: 2, base: .seconds(1), cap: .seconds(30), jitter: 0) == .seconds(2))
        #expect(Backoff.delay(consecutiveFailures: 2, base: .seconds(1), cap: .seconds(30), jitter: 1) == .seconds(4))
        #expect(Backoff.delay(consecutiveFailures: 1, base: .seconds(1), cap: .seconds(30), jitter: 0) == .seconds(1))
        #expect(Backoff.delay(consecutiveFailures: 0, base: .seconds(5), cap: .seconds(1), jitter: 0.5) == .seconds(5))
    }

    @Test("a connection that delivers events resets the backoff")
    func resetAfterEvents() {
        var policy = machine()
        policy.opened()
        _ = policy.ended(error: dropped, jitter: 1)
        _ = policy.ended(error: dropped, jitter: 1)
        #expect(policy.consecutiveFailures == 2)
        policy.opened()
        policy.eventDelivered()
        #expect(policy.consecutiveFailures == 0)
        #expect(policy.ended(error: dropped, jitter: 1) == .reconnect(after: .seconds(3)))
    }

    @Test("200 text/event-stream opens (parameters and case ignored); 204 stops")
    func openAndStop() {
        var policy = machine()
        _ = policy.attemptStarted()
        #expect(policy.responseReceived(.init(status: 200, contentType: "Text/Event-Stream; charset=utf-8")) == .open)
        #expect(policy.hasEverConnected)
        #expect(policy.responseReceived(.init(status: 204)) == .stop)
    }

    @Test("any other status or content type: read the body, then fail with the status and Retry-After")
    func refusals() {
        var policy = machine()
        _ = policy.attemptStarted()
        #expect(
            policy.responseReceived(.init(status: 429, contentType: "application/json", retryAfter: "7"))
                == .readBodyAndFail(EventSourceError(.badStatus(429), endpoint: "h:1", retryAfter: "7"))
        )
        #expect(
            policy.responseReceived(.init(status: 200, contentType: "text/html"))
                == .readBodyAndFail(EventSourceError(.badContentType("text/html"), endpoint: "h:1"))
        )
        #expect(
            policy.responseReceived(.init(status: 200, contentType: nil))
                == .readBodyAndFail(EventSourceError(.badContentType(nil), endpoint: "h:1"))
        )
        #expect(!policy.hasEverConnected)
    }

    @Test("a 200 JSON response is a document only when the caller accepts one")
    func jsonDocument() {
        var accepting = machine(acceptsJSON: true)
        _ = accepting.attemptStarted()
        #expect(accepting.responseReceived(.init(status: 200, contentType: "application/json")) == .readDocument)
        #expect(
            accepting.responseReceived(.init(status: 200, contentType: "application/problem+json")) == .readDocument
        )
        #expect(
            accepting.responseReceived(.init(status: 500, contentType: "application/json"))
                == .readBodyAndFail(EventSourceError(.badStatus(500), endpoint: "h:1"))
        )
        var refusing = machine()
        _ = refusing.attemptStarted()
        #expect(
            refusing.responseReceived(.init(status: 200, contentType: "application/json"))
                == .readBodyAndFail(EventSourceError(.badContentType("application/json"), endpoint: "h:1"))
        )
    }

    @Test("a redirect is followed relative to the current URL; 307 keeps method and body, 303 becomes a GET")
    func redirects() throws {
        var policy = machine()
        _ = policy.attemptStarted()
        let kept = policy.responseReceived(.init(status: 307, location: "/moved"))
        #expect(
            kept
                == .follow(
                    EventSourceRequest(url: URL(string: "http://h:1/moved")!, method: "POST", body: Data("{}".utf8))
                )
        )
        let other = policy.responseReceived(.init(status: 303, location: "http://other:2/x"))
        #expect(other == .follow(EventSourceRequest(url: URL(string: "http://other:2/x")!, method: "GET", body: nil)))
        #expect(policy.endpoint == "other:2")
        #expect(policy.attemptStarted() == Self.start)
    }

    @Test("a redirect without Location, or one too many, fails")
    func redirectFailures() {
        var policy = machine(maxRedirects: 1)
        _ = policy.attemptStarted()
        #expect(
            policy.responseReceived(.init(status: 302))
                == .fail(EventSourceError(.redirectWithoutLocation(302), endpoint: "h:1"))
        )
        let first = EventSourceRequest(url: URL(string: "http://h:1/a")!, method: "POST", body: Data("{}".utf8))
        #expect(policy.responseReceived(.init(status: 308, location: "/a")) == .follow(first))
        #expect(
            policy.responseReceived(.init(status: 308, location: "/b"))
                == .fail(EventSourceError(.tooManyRedirects, endpoint: "h:1"))
        )
        _ = policy.attemptStarted()
        #expect(policy.responseReceived(.init(status: 308, location: "/a")) == .follow(first))
    }

    @Test("max reconnects: a clean end finishes, an error fails with it")
    func maxReconnects() {
        var clean = machine(maxReconnects: 1)
        clean.opened()
        clean.eventDelivered()
        #expect(clean.ended(error: nil, jitter: 0) == .reconnect(after: .seconds(3)))
        clean.opened()
        clean.eventDelivered()
        #expect(clean.ended(error: nil, jitter: 0) == .finish)
        var failing = machine(maxReconnects: 0)
        failing.opened()
        #expect(failing.ended(error: dropped, jitter: 0) == .fail(dropped))
    }

    @Test("a cap on failures in a row ends the stream")
    func maxConsecutiveFailures() {
        var policy = machine(maxFailures: 2)
        policy.opened()
        #expect(policy.ended(error: dropped, jitter: 0) != .fail(dropped))
        #expect(policy.ended(error: dropped, jitter: 0) != .fail(dropped))
        #expect(policy.ended(error: dropped, jitter: 0) == .fail(dropped))
    }

    @Test("an unreachable host fails at once on the first connection, but is retried once connected before")
    func unreachable() {
        let unreachable = EventSourceError(.hostUnreachable, endpoint: "h:1")
        var first = machine()
        #expect(first.ended(error: unreachable, jitter: 0) == .fail(unreachable))
        var later = machine()
        later.opened()
        later.eventDelivered()
        #expect(later.ended(error: unreachable, jitter: 0) == .reconnect(after: .seconds(3)))
    }

    @Test("fatal errors never reconnect")
    func fatal() {
        var policy = machine()
        policy.opened()
        let tls = EventSourceError(.tls, endpoint: "h:1")
        #expect(policy.ended(error: tls, fatal: true, jitter: 0) == .fail(tls))
    }
}
