/// A provider's wire format: how to ask for a streamed reply, and how to read it.
package protocol ChatWireFormat: Sendable {
    /// Builds the streaming request for a turn.
    /// - Parameter parameters: The URL, model, conversation and key of the turn.
    /// - Returns: The request to send.
    /// - Throws: `ChatWireError` when the URL, template or parameters cannot make a valid request.
    func makeRequest(_ parameters: ChatRequestParameters) throws -> ChatHTTPRequest

    /// A fresh decoder for one reply stream.
    /// - Returns: A decoder in its initial state.
    func makeDecoder() -> any ChatStreamDecoder
}
