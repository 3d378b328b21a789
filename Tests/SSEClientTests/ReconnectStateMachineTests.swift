import SSEClient
import Testing

@Suite("ReconnectStateMachine and Backoff: the reconnection policy without I/O")
struct ReconnectStateMachineTests {
    let dropped = EventSourceError(.network, endpoint: "h:1")

    func machine(maxReconnects: Int? = nil, maxFailures: Int? = nil) -> ReconnectStateMachine {
        ReconnectStateMachine(
            reconnectionTime: .seconds(3),
            maxDelay: .seconds(30),
            maxReconnects: maxReconnects,
            maxConsecutiveFailures: maxFailures
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
        let waits: [Duration] = [3, 6, 12, 24, 30, 30, 30, 30].map { .seconds($0) }
        for wait in waits {
            #expect(policy.ended(error: dropped, jitter: 1.0) == .reconnect(after: wait))
        }
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

    @Test("HTTP 204 finishes; any other refusal fails")
    func rejections() {
        var policy = machine()
        #expect(policy.rejected(nil) == .finish)
        let error = EventSourceError(.badStatus(500), endpoint: "h:1")
        #expect(policy.rejected(error) == .fail(error))
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
