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

    /// Builds the request that picks a dropped reply up again from `point`.
    ///
    /// The shell sends `point.lastEventID` as `Last-Event-ID` with whatever this returns.
    /// - Parameters:
    ///   - parameters: The turn's parameters, as for `makeRequest(_:)`.
    ///   - point: Where the reply stopped.
    /// - Returns: The request to send.
    /// - Throws: `ChatWireError`, as `makeRequest(_:)`.
    func makeResumeRequest(_ parameters: ChatRequestParameters, from point: ChatResumePoint) throws -> ChatHTTPRequest

    /// Builds the request that asks the server to stop generating a reply it keeps (best effort, on Ctrl-C).
    /// - Parameters:
    ///   - parameters: The turn's parameters (base URL, key, headers).
    ///   - replyID: The server's id of the reply.
    /// - Returns: The request, or `nil` when the format has no such request.
    /// - Throws: `ChatWireError.invalidURL` when the base URL is unusable.
    func makeCancelRequest(_ parameters: ChatRequestParameters, replyID: String) throws -> ChatHTTPRequest?
}

extension ChatWireFormat {
    /// By default a format has no complete-reply form.
    package var readsCompleteReplies: Bool { false }

    /// By default a complete reply cannot be read.
    package func decodeCompleteReply(_ body: Data, emit: (ChatEvent) throws -> Void) throws {
        throw ChatWireError.malformedChunk(String(decoding: body.prefix(200), as: UTF8.self), reason: "not a stream")
    }

    /// By default a reply resumes with the very same request (the shell adds `Last-Event-ID`).
    package func makeResumeRequest(_ parameters: ChatRequestParameters, from point: ChatResumePoint) throws
        -> ChatHTTPRequest
    {
        try makeRequest(parameters)
    }

    /// By default there is nothing to cancel on the server: closing the connection is enough.
    package func makeCancelRequest(_ parameters: ChatRequestParameters, replyID: String) throws -> ChatHTTPRequest? {
        nil
    }
}
