/// Token counts a server reported for one reply.
///
/// Prompt tokens include any tokens the server read from its prompt cache (OpenAI counts them in
/// `prompt_tokens`; for Anthropic they are added up from `input_tokens` and the cache counts).
package struct ChatUsage: Sendable, Equatable, Hashable, Codable {
    /// Tokens of the request (system prompt, history and the new message).
    package var promptTokens: Int?
    /// Tokens of the reply, reasoning included.
    package var completionTokens: Int?
    /// Prompt plus completion tokens.
    package var totalTokens: Int?

    /// Creates a usage report.
    /// - Parameters:
    ///   - promptTokens: Tokens of the request.
    ///   - completionTokens: Tokens of the reply.
    ///   - totalTokens: Their sum, as the server reported it.
    package init(promptTokens: Int? = nil, completionTokens: Int? = nil, totalTokens: Int? = nil) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
    }
}
