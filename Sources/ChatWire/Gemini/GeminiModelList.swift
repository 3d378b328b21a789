import Foundation

/// The Gemini model list: `GET {base}/models` (a base with no path gets `/v1beta/models`) with `x-goog-api-key`,
/// answered with `{"models":[{"name":"models/gemini-…","displayName":…,"inputTokenLimit":…}],"nextPageToken":…}`;
/// the next page is asked for with `pageToken=TOKEN`. Names lose their `models/` prefix.
extension GeminiWireFormat: ChatModelListing {
    package func makeModelListRequest(baseURL: URL, apiKey: String?, pageToken: String?) throws -> ChatHTTPRequest {
        var url = try EndpointURL.join(baseURL, complete: "/models", suffix: "/models", rootSuffix: "/v1beta/models")
        if let pageToken { url = try EndpointURL.adding(query: "pageToken", value: pageToken, to: url) }
        var headers: [ChatHTTPHeader] = []
        if let apiKey, !apiKey.isEmpty { headers.append(ChatHTTPHeader(name: "x-goog-api-key", value: apiKey)) }
        return ChatHTTPRequest(url: url, method: "GET", headers: headers)
    }

    package func decodeModelList(_ body: Data) throws -> ChatModelPage {
        struct List: Decodable {
            struct Model: Decodable {
                var name: String
                var displayName: String?
                var inputTokenLimit: Int?
                var outputTokenLimit: Int?
            }

            var models: [Model]?
            var nextPageToken: String?
        }
        let text = String(decoding: body, as: UTF8.self)
        try ModelListError.check(text)
        let list = try ChunkJSON.decode(List.self, from: text)
        let models = (list.models ?? []).map {
            ChatModelInfo(
                id: Self.bareModelName($0.name),
                displayName: $0.displayName,
                inputTokenLimit: $0.inputTokenLimit,
                outputTokenLimit: $0.outputTokenLimit
            )
        }
        return ChatModelPage(models: models, nextPageToken: list.nextPageToken.nonEmpty)
    }
}
