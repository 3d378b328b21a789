import Foundation

/// Hand-written SSE endpoints: the prompt goes into a URL (or body) template, the reply comes back as raw text
/// tokens in `data:` lines.
///
/// The URL template holds `{prompt}` (also accepted as `%7Bprompt%7D`, which is what `URL(string:)` makes of it);
/// the last user message is percent-encoded (RFC 3986 unreserved characters kept) into it. When neither the URL nor
/// the body template has a placeholder (an endpoint that streams a fixed reply, say), the request is sent as it is
/// and the prompt is not sent at all (`sendsPrompt(urlTemplate:bodyTemplate:)` tells the caller so). The method is
/// GET, or POST when there is a body template, unless one is named. In a body template that looks like JSON (it starts
/// with `{` or `[` once the placeholders are taken out) `{prompt}` becomes the JSON-escaped prompt without quotes,
/// and the body is sent as `application/json`; in any other body it is percent-encoded, sent as
/// `application/x-www-form-urlencoded`. An API key is sent as `Authorization: Bearer`.
package struct PlainSSEWireFormat: ChatWireFormat {
    /// Creates the format.
    package init() {}

    /// Whether `text` holds the `{prompt}` placeholder, in either spelling.
    /// - Parameter text: A URL or body template.
    /// - Returns: `true` when there is a placeholder to fill.
    package static func containsPromptPlaceholder(_ text: String) -> Bool {
        placeholders.contains { text.range(of: $0, options: .caseInsensitive) != nil }
    }

    /// Whether a request built from these templates carries the prompt: `false` when neither holds `{prompt}`, and
    /// the request then goes out exactly as written whatever the prompt.
    /// - Parameters:
    ///   - urlTemplate: The URL template.
    ///   - bodyTemplate: The body template, if any.
    /// - Returns: `true` when one of them has a placeholder to fill.
    package static func sendsPrompt(urlTemplate: String, bodyTemplate: String?) -> Bool {
        containsPromptPlaceholder(urlTemplate) || bodyTemplate.map(containsPromptPlaceholder) == true
    }

    package func makeRequest(_ parameters: ChatRequestParameters) throws -> ChatHTTPRequest {
        let template = parameters.baseURL.absoluteString
        let bodyTemplate = parameters.bodyTemplate
        let prompt: String
        if Self.sendsPrompt(urlTemplate: template, bodyTemplate: bodyTemplate) {
            guard let last = parameters.messages.last(where: { $0.role == .user })?.content else {
                throw ChatWireError.invalidRequest("no user message to send")
            }
            prompt = last
        } else {
            prompt = ""  // nothing to fill: the templates go out as they are
        }
        let filled = Self.fill(template, with: PercentEncoding.encodeUnreserved(prompt))
        guard let url = URL(string: filled) else {
            throw ChatWireError.invalidURL("not a valid URL once the prompt is put in")
        }
        try EndpointURL.validate(url)

        var headers: [ChatHTTPHeader] = []
        var body: Data?
        if let bodyTemplate {
            if Self.looksLikeJSON(bodyTemplate) {
                body = Data(Self.fill(bodyTemplate, with: JSONString.escaped(prompt)).utf8)
                headers.append(ChatHTTPHeader(name: "Content-Type", value: "application/json"))
            } else {
                body = Data(Self.fill(bodyTemplate, with: PercentEncoding.encodeUnreserved(prompt)).utf8)
                headers.append(ChatHTTPHeader(name: "Content-Type", value: "application/x-www-form-urlencoded"))
            }
        }
        if let key = parameters.apiKey, !key.isEmpty {
            headers.append(ChatHTTPHeader(name: "Authorization", value: "Bearer \(key)"))
        }
        headers += parameters.extraHeaders
        let method = parameters.method?.uppercased() ?? (bodyTemplate == nil ? "GET" : "POST")
        return ChatHTTPRequest(url: url, method: method, headers: headers, body: body)
    }

    package func makeDecoder() -> any ChatStreamDecoder {
        PlainSSEStreamDecoder()
    }

    private static let placeholders = ["{prompt}", "%7Bprompt%7D"]

    /// `template` with every placeholder replaced by `value`, in one pass (so a value that itself holds a
    /// placeholder's text is not filled again).
    private static func fill(_ template: String, with value: String) -> String {
        var result = ""
        var rest = template[...]
        while true {
            let matches = placeholders.compactMap { rest.range(of: $0, options: .caseInsensitive) }
            guard let first = matches.min(by: { $0.lowerBound < $1.lowerBound }) else { break }
            result += rest[..<first.lowerBound]
            result += value
            rest = rest[first.upperBound...]
        }
        result += rest
        return result
    }

    /// Whether a body template is JSON: its first non-blank character, placeholders aside, is `{` or `[`.
    private static func looksLikeJSON(_ template: String) -> Bool {
        let first = fill(template, with: "").first { !$0.isWhitespace }
        return first == "{" || first == "["
    }
}
