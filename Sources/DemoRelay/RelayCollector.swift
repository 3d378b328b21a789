import Foundation

/// Collects an upstream's streamed chat chunks into one non-streaming `chat.completion` body.
struct RelayCollector: Sendable {
    private var content = ""
    private var finishReason = "stop"
    private var model = "unknown"
    private var id = "chatcmpl-relay"
    private var created = 0
    private var promptTokens = 0
    private var completionTokens = 0

    /// Adds one event's data (a chunk, `[DONE]`, or anything else, which is ignored).
    mutating func add(_ data: String) {
        guard data != "[DONE]",
            let chunk = (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any]
        else { return }
        if let value = chunk["id"] as? String { id = value }
        if let value = chunk["model"] as? String { model = value }
        if let value = chunk["created"] as? Int { created = value }
        if let usage = chunk["usage"] as? [String: Any] {
            promptTokens = usage["prompt_tokens"] as? Int ?? promptTokens
            completionTokens = usage["completion_tokens"] as? Int ?? completionTokens
        }
        guard let choices = chunk["choices"] as? [[String: Any]], let choice = choices.first else { return }
        if let delta = choice["delta"] as? [String: Any], let text = delta["content"] as? String {
            content += text
        }
        if let reason = choice["finish_reason"] as? String { finishReason = reason }
    }

    /// The collected completion as JSON text.
    func completion() -> String {
        OpenAIWire(completionID: id, created: created, model: model).completion(
            content: content,
            finishReason: finishReason,
            promptTokens: promptTokens,
            completionTokens: completionTokens
        )
    }
}
