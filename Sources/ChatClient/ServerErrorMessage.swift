import Foundation

/// Pulls the human message out of an error response body: OpenAI/Anthropic `{"error":{"message":…}}`,
/// `{"error":"…"}`, `{"message":…}`, `{"detail":…}`, or the first line of a short plain-text body.
package enum ServerErrorMessage {
    /// The message, or `nil` when the body holds none worth quoting (an HTML page, say).
    /// - Parameter body: The response body.
    /// - Returns: At most 300 characters, control characters replaced by spaces.
    package static func extract(_ body: String) -> String? {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let data = trimmed.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        {
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String {
                return clean(message)
            }
            for key in ["error", "message", "detail"] {
                if let message = object[key] as? String { return clean(message) }
            }
            return nil
        }
        if trimmed.hasPrefix("<") { return nil }
        return clean(String(trimmed.prefix(while: { $0 != "\n" })))
    }

    private static func clean(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) }
        return String(String(scalars).prefix(300))
    }
}
