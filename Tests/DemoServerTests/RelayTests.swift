import DemoRelay
import DemoServerKit
import Foundation
import SSE
import SSEClient
import TestSupport
import Testing

@Suite("Relay mode against a second instance acting as upstream", .timeLimit(.minutes(1)))
struct RelayTests {
    /// A relay configuration pointing at `upstream`'s `/v1`.
    private static func relayConfiguration(
        to upstream: DemoServer,
        key: String? = nil,
        faults: DemoFaults = .none
    ) -> DemoServerConfiguration {
        var configuration = testConfiguration(faults: faults)
        configuration.upstream = UpstreamRelay(upstream: upstream.baseURL.appendingPathComponent("v1"), apiKey: key)
        return configuration
    }

    private static func upstreamConfiguration(key: String? = nil) -> DemoServerConfiguration {
        var configuration = testConfiguration(replyTokens: 40)
        configuration.apiKey = key
        return configuration
    }

    @Test("the relay re-emits the upstream's reply with its own resumable ids")
    func relaysAReply() async throws {
        try await withDemoServer(Self.upstreamConfiguration(key: "upstream-key")) { upstream in
            let direct = try await readOpenAIReply(
                chatSource(upstream, prompt: "relay me", headers: ["Authorization": "Bearer upstream-key"])
            )
            try await withDemoServer(Self.relayConfiguration(to: upstream, key: "upstream-key")) { relay in
                let relayed = try await readOpenAIReply(chatSource(relay, prompt: "relay me"))
                #expect(relayed.done)
                #expect(relayed.text == direct.text)
                #expect(relayed.events.count == direct.events.count)
                try expectSequentialIDs(relayed.events)
                #expect(relayed.events.first?.lastEventID != direct.events.first?.lastEventID)
                #expect(relayed.firstResponse?.headers["content-type"] == "text/event-stream")
            }
        }
    }

    @Test("a flaky link between client and relay never loses the reply")
    func resumesThroughTheRelay() async throws {
        try await withDemoServer(Self.upstreamConfiguration()) { upstream in
            let direct = try await readOpenAIReply(chatSource(upstream, prompt: "flaky link"))
            let faults = DemoFaults(dropAfterEvents: 3, dropMidEvent: true)
            try await withDemoServer(Self.relayConfiguration(to: upstream, faults: faults)) { relay in
                let relayed = try await readOpenAIReply(chatSource(relay, prompt: "flaky link"))
                #expect(relayed.text == direct.text)
                #expect(relayed.connections > 5)
                try expectSequentialIDs(relayed.events)
            }
        }
    }

    @Test("a non-streaming request through the relay gets one collected completion")
    func nonStreaming() async throws {
        try await withDemoServer(Self.upstreamConfiguration()) { upstream in
            let expected = try await readOpenAIReply(chatSource(upstream, prompt: "collect"))
            try await withDemoServer(Self.relayConfiguration(to: upstream)) { relay in
                let url = relay.baseURL.appendingPathComponent("v1/chat/completions")
                let response = try await httpRequest(url, method: "POST", body: chatBody("collect", stream: false))
                #expect(response.status == 200)
                let object = try jsonObject(response.body)
                let message = (object["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any]
                #expect(message?["content"] as? String == expected.text)
                #expect(object["model"] as? String == "ssechat-demo")
            }
        }
    }

    @Test("upstream errors are passed on: its 401 body, its injected 429 with Retry-After")
    func upstreamErrors() async throws {
        try await withDemoServer(Self.upstreamConfiguration(key: "right")) { upstream in
            try await withDemoServer(Self.relayConfiguration(to: upstream, key: "wrong")) { relay in
                let error = await #expect(throws: EventSourceError.self) {
                    _ = try await readOpenAIReply(chatSource(relay, prompt: "hi"))
                }
                #expect(error?.status == 401)
                #expect(error?.responseBody?.contains("invalid_api_key") == true)
                #expect(error?.responseBody?.contains("wrong") == false)
            }
        }
        var limited = testConfiguration(faults: DemoFaults(status: 429))
        limited.replyTokens = 3
        try await withDemoServer(limited) { upstream in
            try await withDemoServer(Self.relayConfiguration(to: upstream)) { relay in
                let url = relay.baseURL.appendingPathComponent("v1/chat/completions")
                let response = try await httpRequest(url, method: "POST", body: chatBody("hi"))
                #expect(response.status == 429)
                #expect(response.headers["retry-after"] == "1")
                #expect(try errorFields(response.body).code == "injected_fault")
            }
        }
    }

    @Test("an unreachable upstream is a clear 502")
    func unreachable() async throws {
        // A port that stays refused (bound, never listening): a stopped server's port could be reused meanwhile.
        let deadURL = URL(string: "http://127.0.0.1:\(try refusingLoopbackPort())")!
        var configuration = testConfiguration()
        configuration.upstream = UpstreamRelay(upstream: deadURL.appendingPathComponent("v1"))
        try await withDemoServer(configuration) { relay in
            let url = relay.baseURL.appendingPathComponent("v1/chat/completions")
            let response = try await httpRequest(url, method: "POST", body: chatBody("hi"))
            #expect(response.status == 502)
            #expect(try errorFields(response.body).message.contains("upstream"))
        }
    }
}
