import Foundation

/// Relay mode's `GET /chat?q=…`: the request sent upstream, and the upstream's OpenAI chunks turned into the plain
/// stream the chat page reads, so the page talks to the real model as it does to the demo one.
///
/// ```
///  upstream (OpenAI chunks)                      /chat (plain SSE)
///  ────────────────────────────────────────────  ─────────────────────────────────────────
///  opened                                        event: thinking   data: Asking MODEL…
///  {"choices":[{"delta":{"content":"Hi"}}]}      data: Hi
///  {"choices":[{"delta":{"role":"assistant"}}]}  (nothing: no content)
///  {"error":{"message":"…"}}                     event: upstream-error   data: the message
///  [DONE]                                        event: end   data: [DONE]
/// ```
struct PlainRelayTranslator: Sendable {
    /// The model asked.
    let model: String

    /// The upstream request body: one user message, streaming.
    /// - Parameter prompt: The `q` parameter.
    /// - Returns: JSON.
    func requestBody(prompt: String) -> Data {
        let object: [String: Any] = [
            "model": model,
            "stream": true,
            "messages": [["role": "user", "content": prompt]],
        ]
        return (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    }

    /// The plain events for one upstream step.
    /// - Parameter event: What the upstream sent.
    /// - Returns: The events' data and type (`nil` for `message`), in order; empty for chunks without content.
    func translate(_ event: DemoUpstreamEvent) -> [ReplyEvents.Event] {
        switch event {
        case .opened:
            return [ReplyEvents.Event(data: "Asking \(model)…", type: "thinking")]
        case .event(let data, _):
            if data == "[DONE]" { return [ReplyEvents.Event(data: "[DONE]", type: "end")] }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] else {
                return []
            }
            if let error = object["error"] as? [String: Any] {
                let message = error["message"] as? String ?? "the upstream failed"
                return [ReplyEvents.Event(data: message, type: "upstream-error")]
            }
            let choices = object["choices"] as? [[String: Any]]
            let delta = choices?.first?["delta"] as? [String: Any]
            guard let content = delta?["content"] as? String, !content.isEmpty else { return [] }
            return [ReplyEvents.Event(data: content, type: nil)]
        }
    }

    /// The first model id of an OpenAI model list, if any.
    /// - Parameter list: The list's JSON text.
    static func firstModel(in list: String) -> String? {
        let object = (try? JSONSerialization.jsonObject(with: Data(list.utf8))) as? [String: Any]
        let models = object?["data"] as? [[String: Any]]
        return models?.first?["id"] as? String
    }
}
