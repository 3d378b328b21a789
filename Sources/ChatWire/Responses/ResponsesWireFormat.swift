import Foundation

/// The OpenAI Responses format: `POST {base}/responses` streaming `response.output_text.delta` … `response.completed`.
///
/// With `background`, the server runs the reply in the background and keeps it: a dropped stream resumes with
/// `GET {base}/responses/{id}?stream=true&starting_after=N` (the decoder's cursor), and Ctrl-C also sends
/// `POST {base}/responses/{id}/cancel`. See `ResponsesRequest` for the requests and `ResponsesStreamDecoder` for
/// the events.
package struct ResponsesWireFormat: ChatWireFormat {
    /// Creates the format.
    package init() {}

    package func makeRequest(_ parameters: ChatRequestParameters) throws -> ChatHTTPRequest {
        try ResponsesRequest.turn(parameters)
    }

    package func makeResumeRequest(_ parameters: ChatRequestParameters, from point: ChatResumePoint) throws
        -> ChatHTTPRequest
    {
        guard let cursor = point.cursor else { return try makeRequest(parameters) }
        return try ResponsesRequest.resume(parameters, cursor: cursor)
    }

    package func makeCancelRequest(_ parameters: ChatRequestParameters, replyID: String) throws -> ChatHTTPRequest? {
        try ResponsesRequest.cancel(parameters, replyID: replyID)
    }

    package func makeDecoder() -> any ChatStreamDecoder {
        ResponsesStreamDecoder()
    }

    package var readsCompleteReplies: Bool { true }

    package func decodeCompleteReply(_ body: Data, emit: (ChatEvent) throws -> Void) throws {
        try ResponsesCompleteReply.decode(body, emit: emit)
    }
}
