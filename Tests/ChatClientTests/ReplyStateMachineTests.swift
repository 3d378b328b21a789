import ChatClient
import ChatWire
import SSEClient
import Testing

@Suite("ReplyStateMachine: resume, retry or give up, without I/O")
struct ReplyStateMachineTests {
    static let dropped = EventSourceError(.network, endpoint: "h:1", detail: "connection reset")
    static let stalled = EventSourceError(.idleTimeout, endpoint: "h:1")

    static func options(maxResumes: Int = 5, maxRetries: Int = 2) -> ChatReplyOptions {
        var options = ChatReplyOptions()
        options.maxResumes = maxResumes
        options.maxRetriesBeforeFirstToken = maxRetries
        options.resumeDelay = .milliseconds(250)
        options.retryDelay = .seconds(1)
        return options
    }

    /// Feeds one event with an id and its decoded text, as the shell does (decoded first, then the point).
    static func receive(
        _ machine: inout ReplyStateMachine,
        id: String,
        cursor: ChatResumeCursor? = nil,
        _ event: ChatEvent
    ) -> [ReplyStateMachine.Action] {
        var actions: [ReplyStateMachine.Action] = []
        machine.decoded(event) { actions.append($0) }
        machine.eventReceived(at: ChatResumePoint(lastEventID: id, cursor: cursor))
        return actions
    }

    @Test("decoded events are emitted; .done finishes the reply complete and later input is ignored")
    func completes() {
        var machine = ReplyStateMachine(options: Self.options())
        machine.opened()
        #expect(Self.receive(&machine, id: "", .text("Hi")) == [.emit(.text("Hi"))])
        #expect(Self.receive(&machine, id: "", .done) == [.emit(.done), .finish(.complete)])
        #expect(machine.isFinished)
        #expect(Self.receive(&machine, id: "", .text("late")).isEmpty)
        #expect(machine.closed(.endOfStream, jitter: 0) == nil)
    }

    @Test("a drop after events with ids resumes from the last id after the reconnection time")
    func resumesWithID() {
        var machine = ReplyStateMachine(options: Self.options())
        machine.opened()
        _ = Self.receive(&machine, id: "7", .text("partial"))
        #expect(
            machine.closed(.failed(Self.dropped), jitter: 0.9)
                == .resume(
                    after: .milliseconds(250),
                    from: ChatResumePoint(lastEventID: "7"),
                    reason: "connection to h:1 failed: connection reset"
                )
        )
    }

    @Test("the server's retry: sets the resume wait; resumes that bring nothing back off with jitter")
    func resumeBackoff() {
        var machine = ReplyStateMachine(options: Self.options())
        machine.opened()
        machine.retryReceived(.seconds(2))
        _ = Self.receive(&machine, id: "3", .text("a"))
        let waits = (0..<4).map { _ -> ReplyStateMachine.Action? in
            let action = machine.closed(.endOfStream, jitter: 1)
            machine.opened()
            return action
        }
        let reason = "the server ended the reply before its end marker"
        #expect(
            waits
                == [2, 2, 4, 8].map {
                    .resume(after: .seconds($0), from: ChatResumePoint(lastEventID: "3"), reason: reason)
                }
        )
    }

    @Test("the resume limit counts drops in a row without an event: progress starts the count again")
    func resumeLimit() {
        var machine = ReplyStateMachine(options: Self.options(maxResumes: 2))
        machine.opened()
        _ = Self.receive(&machine, id: "1", .text("a"))
        for round in 0..<5 {
            // Two drops in a row are resumed; a new event in between makes it two more, every time.
            #expect(machine.closed(.failed(Self.dropped), jitter: 0) != nil, "round \(round)")
            #expect(machine.closed(.failed(Self.dropped), jitter: 0) != nil, "round \(round)")
            machine.opened()
            _ = Self.receive(&machine, id: "\(round + 2)", .text("b"))
        }
        _ = machine.closed(.failed(Self.dropped), jitter: 0)
        _ = machine.closed(.failed(Self.dropped), jitter: 0)
        #expect(
            machine.closed(.failed(Self.dropped), jitter: 0)
                == .finish(.incomplete("connection to h:1 failed: connection reset"))
        )
    }

    @Test("without ids a drop mid-reply is never resumed nor re-sent: incomplete, or stalled after the idle timeout")
    func noResumeWithoutIDs() {
        var clean = ReplyStateMachine(options: Self.options())
        clean.opened()
        _ = Self.receive(&clean, id: "", .text("partial"))
        #expect(
            clean.closed(.endOfStream, jitter: 0)
                == .finish(.incomplete("the server ended the reply before its end marker"))
        )

        var quiet = ReplyStateMachine(options: Self.options())
        quiet.opened()
        _ = Self.receive(&quiet, id: "", .text("partial"))
        #expect(quiet.closed(.failed(Self.stalled), jitter: 0) == .finish(.stalled(Self.stalled.description)))
    }

    @Test("a refused resume (404, 410, 204) leaves the reply incomplete, not failed")
    func refusedResume() {
        for reason in [
            EventSourceCloseReason.failed(EventSourceError(.badStatus(410), endpoint: "h:1", responseBody: "gone")),
            .noContent,
        ] {
            var machine = ReplyStateMachine(options: Self.options())
            machine.opened()
            _ = Self.receive(&machine, id: "4", .text("kept"))
            #expect(machine.closed(.failed(Self.dropped), jitter: 0) != nil)
            let end = machine.closed(reason, jitter: 0)
            if case .finish(.incomplete) = end {
            } else {
                Issue.record("expected incomplete, got \(String(describing: end))")
            }
        }
    }

    @Test("before any event a failure that may pass is retried, doubling from retryDelay; then it fails")
    func retriesThenFails() {
        var machine = ReplyStateMachine(options: Self.options(maxRetries: 2))
        let unavailable = EventSourceError(.badStatus(503), endpoint: "h:1")
        let reason = ChatClientError(unavailable).message
        #expect(machine.closed(.failed(unavailable), jitter: 1) == .retry(after: .seconds(1), reason: reason))
        #expect(machine.closed(.failed(unavailable), jitter: 1) == .retry(after: .seconds(2), reason: reason))
        #expect(machine.closed(.failed(unavailable), jitter: 1) == .finish(.failed(ChatClientError(unavailable))))
    }

    @Test("Retry-After sets the retry wait; a date or a wait over the limit fails at once")
    func retryAfter() {
        func first(_ header: String) -> ReplyStateMachine.Action? {
            var machine = ReplyStateMachine(options: Self.options())
            let error = EventSourceError(.badStatus(429), endpoint: "h:1", retryAfter: header)
            return machine.closed(.failed(error), jitter: 0.5)
        }
        #expect(first(" 7 ") == .retry(after: .seconds(7), reason: "h:1 answered HTTP 429"))
        let date = EventSourceError(.badStatus(429), endpoint: "h:1", retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT")
        #expect(first("Wed, 21 Oct 2026 07:28:00 GMT") == .finish(.failed(ChatClientError(date))))
        let long = EventSourceError(.badStatus(429), endpoint: "h:1", retryAfter: "3600")
        #expect(first("3600") == .finish(.failed(ChatClientError(long))))
    }

    @Test("failures that will not pass are not retried: 401, 400, an unreachable host")
    func notRetried() {
        for error in [
            EventSourceError(.badStatus(401), endpoint: "h:1"), EventSourceError(.badStatus(400), endpoint: "h:1"),
            EventSourceError(.hostUnreachable, endpoint: "h:1"),
        ] {
            var machine = ReplyStateMachine(options: Self.options())
            #expect(machine.closed(.failed(error), jitter: 0) == .finish(.failed(ChatClientError(error))))
        }
    }

    @Test("once an event arrived, a failure is never retried from scratch (it would start a new generation)")
    func noRetryAfterEvent() {
        var machine = ReplyStateMachine(options: Self.options())
        machine.opened()
        _ = Self.receive(&machine, id: "", .reasoning("hmm"))
        let unavailable = EventSourceError(.badStatus(503), endpoint: "h:1")
        #expect(
            machine.closed(.failed(unavailable), jitter: 0)
                == .finish(.incomplete(ChatClientError(unavailable).message))
        )
    }

    @Test("a stream that breaks the parser's limits fails the reply even after events")
    func brokenStream() {
        var machine = ReplyStateMachine(options: Self.options())
        machine.opened()
        _ = Self.receive(&machine, id: "5", .text("before"))
        let tooLarge = EventSourceError(.streamTooLarge, endpoint: "h:1", detail: "a line longer than 1024 bytes")
        #expect(machine.closed(.failed(tooLarge), jitter: 0) == .finish(.failed(ChatClientError(tooLarge))))
    }

    @Test("an error in the stream fails the reply once")
    func failedInStream() {
        var machine = ReplyStateMachine(options: Self.options())
        machine.opened()
        _ = Self.receive(&machine, id: "", .text("before"))
        let error = ChatClientError(.server, "overloaded")
        #expect(machine.failed(error) == .finish(.failed(error)))
        #expect(machine.failed(error) == nil)
        #expect(machine.closed(.endOfStream, jitter: 0) == nil)
    }
}
