import ChatWire
import Foundation
import SSE
import Testing

@Suite("OpenAI response bodies read back by the OpenAI decoder")
struct OpenAIResponseTextTests {
    private let text = OpenAIResponseText(completionID: "chatcmpl-1", created: 1_700_000_000, model: "m \"1\"")

    @Test("A streamed reply written by the server side decodes to its text, finish reason, usage and end")
    func streamedReply() throws {
        var decoder = OpenAIWireFormat().makeDecoder()
        let tokens = ["Hi", " \"there\"", "\n\u{1}\\ 日本 🚀"]
        let chunks =
            [text.roleChunk] + tokens.map(text.contentChunk)
            + [
                text.finalChunk(finishReason: "length"),
                text.usageChunk(ChatUsage(promptTokens: 3, completionTokens: 4)), "[DONE]",
            ]
        var events: [ChatEvent] = []
        for chunk in chunks {
            events += try decoder.decode(ServerSentEvent(data: chunk))
        }
        #expect(
            events
                == tokens.map(ChatEvent.text) + [
                    .finishReason("length"),
                    .usage(ChatUsage(promptTokens: 3, completionTokens: 4, totalTokens: 7)), .done,
                ]
        )
    }

    @Test("A completion, the model list and an error body are the JSON they claim to be")
    func otherBodies() throws {
        let completion = text.completion(content: "a\nb", finishReason: "stop", usage: ChatUsage(promptTokens: 1))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(completion.utf8)) as? [String: Any])
        let choice = try #require((object["choices"] as? [[String: Any]])?.first)
        #expect((choice["message"] as? [String: Any])?["content"] as? String == "a\nb")
        #expect(object["model"] as? String == "m \"1\"")
        #expect((object["usage"] as? [String: Any])?["total_tokens"] as? Int == 1)

        let models = try JSONSerialization.jsonObject(with: Data(OpenAIResponseText.modelList(model: "x").utf8))
        #expect(((models as? [String: Any])?["data"] as? [[String: Any]])?.first?["id"] as? String == "x")

        let body = OpenAIResponseText.errorBody(message: "No \"n\".", type: "invalid_request_error", param: "n")
        var decoder = OpenAIWireFormat().makeDecoder()
        let error = try #require(throws: ChatWireError.self) { try decoder.decode(ServerSentEvent(data: body)) }
        #expect(error == .serverError(message: "No \"n\".", type: "invalid_request_error"))
    }
}
