import ChatClient
import ChatWire
import TestSupport
import Testing

@Suite("ChatReplyStream: a reply the server keeps", .timeLimit(.minutes(1)))
struct ChatReplyStreamKeptTests {
    private static func event(_ type: String, _ json: String) -> String {
        "event: \(type)\ndata: \(json)\n\n"
    }

    private static func reply(_ events: [String]) async throws -> [ChatReplyUpdate] {
        let server = try TranscriptServer(.events(events))
        let endpoint = ChatEndpoint(
            provider: .responses,
            baseURL: server.http.url("/v1"),
            apiKey: nil,
            model: "test-model"
        )
        let reply = await collect(
            ChatReplyStream(
                endpoint: endpoint,
                messages: helloMessages,
                options: immediateOptions(),
                clock: ImmediateClock()
            )
        )
        #expect(reply.error == nil)
        return reply.updates
    }

    @Test("the id comes once, before the updates of the event that revealed it, also when that event ends the reply")
    func keptBeforeItsEvent() async throws {
        let created = Self.event(
            "response.created",
            #"{"type":"response.created","response":{"id":"resp_1","background":true},"sequence_number":0}"#
        )
        let delta = Self.event(
            "response.output_text.delta",
            #"{"type":"response.output_text.delta","delta":"Hi","sequence_number":1}"#
        )
        let completed = Self.event(
            "response.completed",
            #"{"type":"response.completed","response":{"id":"resp_2","background":true,"#
                + #""usage":{"input_tokens":1,"output_tokens":2,"total_tokens":3}},"sequence_number":2}"#
        )
        let usage = ChatReplyUpdate.event(.usage(ChatUsage(promptTokens: 1, completionTokens: 2, totalTokens: 3)))

        let early = try await Self.reply([created, delta, completed])
        #expect(early.filter { if case .kept = $0 { true } else { false } }.count == 2)
        #expect(Array(early.prefix(2)) == [.kept(replyID: "resp_1"), .event(.text("Hi"))])
        #expect(
            Array(early.suffix(4)) == [.kept(replyID: "resp_2"), usage, .event(.done), .finished(.complete)]
        )

        // Known only from the event that also ends the reply: still before its updates, not after `.finished`.
        let late = try await Self.reply([delta, completed])
        #expect(late == [.event(.text("Hi")), .kept(replyID: "resp_2"), usage, .event(.done), .finished(.complete)])
    }
}
