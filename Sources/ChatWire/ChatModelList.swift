import Foundation

/// One model an endpoint offers, as its list describes it.
package struct ChatModelInfo: Sendable, Equatable {
    /// The name to pass as `--model` (Gemini's without its `models/` prefix).
    package var id: String
    /// A human name, when the list gives one (Anthropic, Gemini).
    package var displayName: String?
    /// Who owns it (OpenAI-compatible lists).
    package var ownedBy: String?
    /// The most input tokens it takes (Gemini).
    package var inputTokenLimit: Int?
    /// The most output tokens it gives (Gemini).
    package var outputTokenLimit: Int?

    /// Creates a model description.
    package init(
        id: String,
        displayName: String? = nil,
        ownedBy: String? = nil,
        inputTokenLimit: Int? = nil,
        outputTokenLimit: Int? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.ownedBy = ownedBy
        self.inputTokenLimit = inputTokenLimit
        self.outputTokenLimit = outputTokenLimit
    }
}

/// One page of an endpoint's model list.
package struct ChatModelPage: Sendable, Equatable {
    /// The models on this page, in the server's order.
    package var models: [ChatModelInfo]
    /// What to ask for the next page with, or `nil` on the last page.
    package var nextPageToken: String?

    /// Creates a page.
    package init(models: [ChatModelInfo], nextPageToken: String? = nil) {
        self.models = models
        self.nextPageToken = nextPageToken
    }
}

/// The endpoint's model list: one HTTP GET per page; each format says where and how to read it.
package protocol ChatModelListing: Sendable {
    /// The request for one page of the model list.
    /// - Parameters:
    ///   - baseURL: The endpoint's base URL, as for chat.
    ///   - apiKey: The API key, if any.
    ///   - pageToken: The previous page's `nextPageToken`; `nil` for the first page.
    /// - Returns: The GET request to make.
    /// - Throws: `ChatWireError.invalidURL` for an unusable base URL.
    func makeModelListRequest(baseURL: URL, apiKey: String?, pageToken: String?) throws -> ChatHTTPRequest

    /// Reads one page of the model list.
    /// - Parameter body: The response body (JSON).
    /// - Returns: The page.
    /// - Throws: `ChatWireError.serverError` for an error object, `.malformedChunk` for anything else unreadable.
    func decodeModelList(_ body: Data) throws -> ChatModelPage
}

extension ChatProviderKind {
    /// The format's model listing, or `nil` when it has none (plain SSE).
    package var modelListing: (any ChatModelListing)? {
        wireFormat as? any ChatModelListing
    }
}

/// The error object a model list body may carry instead of a list, in the OpenAI, Anthropic or Google shape.
struct ModelListError: Decodable {
    var error: ModelListErrorBody?

    /// Throws the error the body holds, if any.
    static func check(_ text: String) throws {
        if let body = try? ChunkJSON.decode(ModelListError.self, from: text), let error = body.error {
            throw ChatWireError.serverError(message: error.message ?? "unknown error", type: error.type ?? error.status)
        }
    }
}

/// The members of an error object that model lists report.
struct ModelListErrorBody: Decodable {
    var message: String?
    var type: String?
    var status: String?
}
