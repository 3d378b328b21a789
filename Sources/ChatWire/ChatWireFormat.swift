import Foundation

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

    /// Whether a complete, non-streamed reply (a server that ignored `stream: true` and answered one JSON document)
    /// can be read with `decodeCompleteReply(_:emit:)`.
    var readsCompleteReplies: Bool { get }

    /// Turns a complete, non-streamed reply into the chat events a stream of it would have given, ending with `.done`.
    /// - Parameters:
    ///   - body: The response body (JSON).
    ///   - emit: Called for each chat event, in order.
    /// - Throws: `ChatWireError` for a body that is not such a reply, or an error object the server sent.
    func decodeCompleteReply(_ body: Data, emit: (ChatEvent) throws -> Void) throws
}

extension ChatWireFormat {
    /// By default a format has no complete-reply form.
    package var readsCompleteReplies: Bool { false }

    /// By default a complete reply cannot be read.
    package func decodeCompleteReply(_ body: Data, emit: (ChatEvent) throws -> Void) throws {
        throw ChatWireError.malformedChunk(String(decoding: body.prefix(200), as: UTF8.self), reason: "not a stream")
    }
}
