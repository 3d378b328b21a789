import Foundation

/// The OpenAI-compatible model list: `GET {base}/models` (a base with no path gets `/v1/models`) with
/// `Authorization: Bearer KEY`, answered with `{"object":"list","data":[{"id":…,"owned_by":…}]}` on one page.
extension OpenAIWireFormat: ChatModelListing {
    package func makeModelListRequest(baseURL: URL, apiKey: String?, pageToken: String?) throws -> ChatHTTPRequest {
        let url = try EndpointURL.join(baseURL, complete: "/models", suffix: "/models", rootSuffix: "/v1/models")
        var headers: [ChatHTTPHeader] = []
        if let apiKey, !apiKey.isEmpty {
            headers.append(ChatHTTPHeader(name: "Authorization", value: "Bearer \(apiKey)"))
        }
        return ChatHTTPRequest(url: url, method: "GET", headers: headers)
    }

    package func decodeModelList(_ body: Data) throws -> ChatModelPage {
        struct List: Decodable {
            struct Model: Decodable {
                var id: String
                var ownedBy: String?

                enum CodingKeys: String, CodingKey {
                    case id
                    case ownedBy = "owned_by"
                }
            }

            var data: [Model]
        }
        let text = String(decoding: body, as: UTF8.self)
        try ModelListError.check(text)
        let list = try ChunkJSON.decode(List.self, from: text)
        return ChatModelPage(models: list.data.map { ChatModelInfo(id: $0.id, ownedBy: $0.ownedBy) })
    }
}
