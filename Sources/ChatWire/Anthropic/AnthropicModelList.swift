import Foundation

/// The Anthropic model list: `GET {base}/v1/models` with `x-api-key` and `anthropic-version`, answered with
/// `{"data":[{"id":…,"display_name":…}],"has_more":true,"last_id":…}`; the next page is asked for with
/// `after_id=LAST_ID`.
extension AnthropicWireFormat: ChatModelListing {
    package func makeModelListRequest(baseURL: URL, apiKey: String?, pageToken: String?) throws -> ChatHTTPRequest {
        var url = try EndpointURL.join(
            baseURL,
            complete: "/v1/models",
            partial: [(end: "/v1", append: "/models")],
            suffix: "/v1/models",
            rootSuffix: "/v1/models"
        )
        if let pageToken { url = try EndpointURL.adding(query: "after_id", value: pageToken, to: url) }
        var headers = [ChatHTTPHeader(name: "anthropic-version", value: Self.apiVersion)]
        if let apiKey, !apiKey.isEmpty { headers.append(ChatHTTPHeader(name: "x-api-key", value: apiKey)) }
        return ChatHTTPRequest(url: url, method: "GET", headers: headers)
    }

    package func decodeModelList(_ body: Data) throws -> ChatModelPage {
        struct List: Decodable {
            struct Model: Decodable {
                var id: String
                var displayName: String?

                enum CodingKeys: String, CodingKey {
                    case id
                    case displayName = "display_name"
                }
            }

            var data: [Model]
            var hasMore: Bool?
            var lastID: String?

            enum CodingKeys: String, CodingKey {
                case data
                case hasMore = "has_more"
                case lastID = "last_id"
            }
        }
        let text = String(decoding: body, as: UTF8.self)
        try ModelListError.check(text)
        let list = try ChunkJSON.decode(List.self, from: text)
        return ChatModelPage(
            models: list.data.map { ChatModelInfo(id: $0.id, displayName: $0.displayName) },
            nextPageToken: list.hasMore == true ? list.lastID.nonEmpty : nil
        )
    }
}
