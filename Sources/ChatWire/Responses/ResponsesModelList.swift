import Foundation

/// The Responses API lives beside chat completions on the same server, so its model list is OpenAI's:
/// `GET {base}/models` with `Authorization: Bearer KEY`.
extension ResponsesWireFormat: ChatModelListing {
    package func makeModelListRequest(baseURL: URL, apiKey: String?, pageToken: String?) throws -> ChatHTTPRequest {
        try OpenAIWireFormat().makeModelListRequest(baseURL: baseURL, apiKey: apiKey, pageToken: pageToken)
    }

    package func decodeModelList(_ body: Data) throws -> ChatModelPage {
        try OpenAIWireFormat().decodeModelList(body)
    }
}
