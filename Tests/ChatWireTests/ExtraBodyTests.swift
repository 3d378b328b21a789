import ChatWire
import Foundation
import Testing

@Suite("Extra body parameters")
struct ExtraBodyTests {
    private let messages = [ChatMessage(role: .user, content: "hi")]
    private let extra: [JSONValue.Member] = [
        .init("temperature", .double(0.25)),
        .init("top_p", .int(1)),
        .init("stop", .array([.string("END"), .string("\n\n")])),
        .init("reasoning", .object([.init("effort", .string("low")), .init("summary", .null)])),
        .init("stream", .bool(false)),
        .init("model", .string("other")),
    ]

    private func body(_ format: any ChatWireFormat, maxTokens: Int? = nil) throws -> String {
        let parameters = ChatRequestParameters(
            baseURL: try #require(URL(string: "http://127.0.0.1:1/v1")),
            model: "m",
            messages: messages,
            maxTokens: maxTokens,
            extraBody: extra
        )
        return String(decoding: try format.makeRequest(parameters).body ?? Data(), as: UTF8.self)
    }

    @Test("An OpenAI body carries the extra members after its own; the format's own names are kept")
    func openAI() throws {
        #expect(
            try body(OpenAIWireFormat(), maxTokens: 50)
                == #"{"model":"m","messages":[{"role":"user","content":"hi"}],"stream":true,"#
                + #""stream_options":{"include_usage":true},"max_tokens":50,"temperature":0.25,"top_p":1,"#
                + #""stop":["END","\n\n"],"reasoning":{"effort":"low","summary":null}}"#
        )
    }

    @Test("An Anthropic body carries the extra members after its own")
    func anthropic() throws {
        #expect(
            try body(AnthropicWireFormat())
                == #"{"model":"m","max_tokens":4096,"stream":true,"messages":[{"role":"user","content":"hi"}],"#
                + #""temperature":0.25,"top_p":1,"stop":["END","\n\n"],"reasoning":{"effort":"low","summary":null}}"#
        )
    }

    @Test("Numbers JSON cannot carry are written as null", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(value: Double) {
        #expect(String(decoding: JSONValue.double(value).serialized(), as: UTF8.self) == "null")
    }
}
