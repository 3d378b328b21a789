import ChatClient
import SSEClient
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    private func error(_ code: EventSourceError.Code, retryAfter: String? = nil) -> EventSourceError {
        EventSourceError(code, endpoint: "127.0.0.1:1", retryAfter: retryAfter)
    }

    private func options(retries: Int = 2, delay: Duration = .seconds(1)) -> ChatReplyOptions {
        var options = ChatReplyOptions()
        options.maxRetriesBeforeFirstToken = retries
        options.retryDelay = delay
        return options
    }

    @Test("failures that may pass are retryable", arguments: [
        EventSourceError.Code.network, .idleTimeout, .badStatus(429), .badStatus(500), .badStatus(502),
        .badStatus(503), .badStatus(504),
    ])
    func retryable(code: EventSourceError.Code) {
        #expect(RetryPolicy.isRetryable(error(code)))
        var policy = RetryPolicy(options: options())
        #expect(policy.delay(after: error(code)) == .seconds(1))
    }

    @Test("failures that will not pass are never retried", arguments: [
        EventSourceError.Code.badStatus(400), .badStatus(401), .badStatus(403), .badStatus(404),
        .badContentType("text/html"), .hostUnreachable, .tls, .invalidURL, .streamTooLarge,
    ])
    func notRetryable(code: EventSourceError.Code) {
        #expect(!RetryPolicy.isRetryable(error(code)))
        var policy = RetryPolicy(options: options())
        #expect(policy.delay(after: error(code)) == nil)
        #expect(policy.retries == 0)
    }

    @Test("without Retry-After the wait doubles, and the retries are capped")
    func backoffAndCap() {
        var policy = RetryPolicy(options: options(retries: 3, delay: .milliseconds(250)))
        let failure = error(.badStatus(503))
        #expect(policy.delay(after: failure) == .milliseconds(250))
        #expect(policy.delay(after: failure) == .milliseconds(500))
        #expect(policy.delay(after: failure) == .milliseconds(1000))
        #expect(policy.delay(after: failure) == nil)
        #expect(policy.retries == 3)
    }

    @Test("Retry-After in seconds sets the wait", arguments: [
        ("0", Duration.zero), ("7", .seconds(7)), (" 12 ", .seconds(12)),
    ])
    func retryAfterSeconds(header: String, expected: Duration) {
        var policy = RetryPolicy(options: options())
        #expect(policy.delay(after: error(.badStatus(429), retryAfter: header)) == expected)
    }

    @Test("a Retry-After that is too long, negative or an HTTP date gives up at once",
          arguments: ["3600", "-1", "Wed, 21 Oct 2015 07:28:00 GMT", "soon"])
    func retryAfterRefused(header: String) {
        var policy = RetryPolicy(options: options())
        #expect(policy.delay(after: error(.badStatus(429), retryAfter: header)) == nil)
    }

    @Test("no retries at all when maxRetriesBeforeFirstToken is 0")
    func zeroRetries() {
        var policy = RetryPolicy(options: options(retries: 0))
        #expect(policy.delay(after: error(.network)) == nil)
    }
}
