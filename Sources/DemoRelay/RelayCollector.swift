import ChatWire
import Foundation
import SSE

/// Collects an upstream's streamed chat chunks into one non-streaming `chat.completion` body. The chunks are read
/// by ChatWire's OpenAI decoder (text, finish reason, usage); only the reply's id, model and creation time, which a
/// client never needs, are read here.
struct RelayCollector: Sendable {
    /// The chunk fields the decoder does not report; a field of the wrong type is ignored.
    private struct Head: Decodable {
        var id: String?
        var model: String?
        var created: Int?

        private enum CodingKeys: String, CodingKey { case id, model, created }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try? container.decodeIfPresent(String.self, forKey: .id)
            model = try? container.decodeIfPresent(String.self, forKey: .model)
            created = try? container.decodeIfPresent(Int.self, forKey: .created)
        }
    }

    private var decoder = OpenAIWireFormat().makeDecoder()
    private var content = ""
    private var finishReason = "stop"
    private var model = "unknown"
    private var id = "chatcmpl-relay"
    private var created = 0
    private var usage = ChatUsage(promptTokens: 0, completionTokens: 0)

    /// Adds one event's data (a chunk, `[DONE]`, or anything else, which is ignored).
    mutating func add(_ data: String) {
        let events = (try? decoder.decode(ServerSentEvent(data: data))) ?? []
        for event in events {
            switch event {
            case .text(let text): content += text
            case .finishReason(let reason): finishReason = reason
            case .usage(let reported):
                usage.promptTokens = reported.promptTokens ?? usage.promptTokens
                usage.completionTokens = reported.completionTokens ?? usage.completionTokens
            case .reasoning, .status, .done, .incomplete: break
            }
        }
        guard data.hasPrefix("{"), let head = try? JSONDecoder().decode(Head.self, from: Data(data.utf8)) else {
            return
        }
        id = head.id ?? id
        model = head.model ?? model
        created = head.created ?? created
    }

    /// The collected completion as JSON text.
    func completion() -> String {
        OpenAIResponseText(completionID: id, created: created, model: model).completion(
            content: content,
            finishReason: finishReason,
            usage: ChatUsage(promptTokens: usage.promptTokens, completionTokens: usage.completionTokens)
        )
    }
}
