import Foundation

/// The requests of the Responses format: the streamed turn, its resumption and its cancellation.
///
/// ```
///  POST {base}/responses          {"model":…,"input":[{"role":"user","content":…},…],"instructions":…,
///                                  "stream":true,"max_output_tokens":N,"background":true,"store":true,…extra}
///  GET  {base}/responses/{id}?stream=true&starting_after=N            (resume a background reply)
///  POST {base}/responses/{id}/cancel                                   (stop a background reply)
/// ```
/// System messages are joined with a blank line into `instructions`; user and assistant messages go in `input`.
/// Every request carries `Authorization: Bearer KEY` when there is a key, then the extra headers.
enum ResponsesRequest {
    /// The streamed turn.
    static func turn(_ parameters: ChatRequestParameters) throws -> ChatHTTPRequest {
        let system = parameters.messages.filter { $0.role == .system }.map(\.content).filter { !$0.isEmpty }
        var members: [JSONValue.Member] = []
        if let model = parameters.model { members.append(.init("model", .string(model))) }
        let input = parameters.messages.filter { $0.role != .system }.map { message in
            JSONValue.object([
                .init("role", .string(message.role.rawValue)), .init("content", .string(message.content)),
            ])
        }
        members.append(.init("input", .array(input)))
        if !system.isEmpty { members.append(.init("instructions", .string(system.joined(separator: "\n\n")))) }
        members.append(.init("stream", .bool(true)))
        if let maxTokens = parameters.maxTokens { members.append(.init("max_output_tokens", .int(maxTokens))) }
        if parameters.background {
            members.append(.init("background", .bool(true)))
            members.append(.init("store", .bool(true)))
        }
        return ChatHTTPRequest(
            url: try responsesURL(parameters.baseURL),
            method: "POST",
            headers: [ChatHTTPHeader(name: "Content-Type", value: "application/json")] + authorization(parameters),
            body: JSONValue.object(parameters.withExtraBody(members)).serialized()
        )
    }

    /// The stream of a kept reply from after `cursor.position`.
    static func resume(_ parameters: ChatRequestParameters, cursor: ChatResumeCursor) throws -> ChatHTTPRequest {
        let url = try replyURL(
            parameters.baseURL,
            id: cursor.replyID,
            tail: "",
            query: [
                URLQueryItem(name: "stream", value: "true"), .init(name: "starting_after", value: "\(cursor.position)"),
            ]
        )
        return ChatHTTPRequest(url: url, method: "GET", headers: authorization(parameters))
    }

    /// The cancellation of a kept reply.
    static func cancel(_ parameters: ChatRequestParameters, replyID: String) throws -> ChatHTTPRequest {
        let url = try replyURL(parameters.baseURL, id: replyID, tail: "/cancel", query: [])
        return ChatHTTPRequest(url: url, method: "POST", headers: authorization(parameters))
    }

    private static func responsesURL(_ base: URL) throws -> URL {
        try EndpointURL.join(base, complete: "/responses", suffix: "/responses", rootSuffix: "/v1/responses")
    }

    /// `{base}/responses/{id}{tail}`, the base's query kept and `query` added.
    private static func replyURL(_ base: URL, id: String, tail: String, query: [URLQueryItem]) throws -> URL {
        let responses = try responsesURL(base)
        guard var components = URLComponents(url: responses, resolvingAgainstBaseURL: true),
            let encodedID = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"]))
        else { throw ChatWireError.invalidURL("cannot add the response id") }
        components.percentEncodedPath += "/" + encodedID + tail
        if !query.isEmpty { components.queryItems = (components.queryItems ?? []) + query }
        guard let url = components.url else { throw ChatWireError.invalidURL("cannot add the response id") }
        return url
    }

    private static func authorization(_ parameters: ChatRequestParameters) -> [ChatHTTPHeader] {
        var headers: [ChatHTTPHeader] = []
        if let key = parameters.apiKey, !key.isEmpty {
            headers.append(ChatHTTPHeader(name: "Authorization", value: "Bearer \(key)"))
        }
        return headers + parameters.extraHeaders
    }
}
