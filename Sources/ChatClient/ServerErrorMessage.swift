import Foundation

/// Pulls the human message out of an error response body (OpenAI/Anthropic/Google `{"error":{"message":…}}`, Google's
/// `[{"error":{…}}]`, `{"error":"…"}`, `{"message":…}`, `{"detail":…}`, or a plain-text body) and puts it on one line,
/// whole.
///
/// ```
///  "Context too long.\r\n\r\nReduce it:\n- a\tb"  ──►  "Context too long. / Reduce it: / - a b"
///  line breaks (CR, LF, CRLF, or a run of them) ─► " / "    other control characters ─► " "    nothing collapsed
///  longer than `limit` characters ─► cut at the last space that leaves room, "…" appended
/// ```
package enum ServerErrorMessage {
    /// The longest message shown whole, in characters: real errors (a proxy's context-window error runs to ~500)
    /// fit with room to spare.
    package static let limit = 2_000

    /// The message on one line, or `nil` when the body holds none worth quoting (an HTML page, say).
    /// - Parameter body: The response body.
    /// - Returns: The message as `oneLine(_:limit:)` shows it.
    package static func extract(_ body: String) -> String? {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let object = jsonObject(trimmed) {
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String {
                return oneLine(message)
            }
            for key in ["error", "message", "detail"] {
                if let message = object[key] as? String { return oneLine(message) }
            }
            return nil
        }
        if trimmed.hasPrefix("<") { return nil }
        return oneLine(trimmed)
    }

    /// What a Google error body says about the request, beside its HTTP status: the `error.status`
    /// (`"UNAUTHENTICATED"`, `"RESOURCE_EXHAUSTED"`…) and the `reason` of its `details` (`"API_KEY_INVALID"`…).
    /// - Parameter body: The response body.
    /// - Returns: The status and reasons, upper-case as sent; empty when the body holds none.
    package static func googleStatuses(_ body: String) -> [String] {
        guard let error = jsonObject(body)?["error"] as? [String: Any] else { return [] }
        let details = (error["details"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
        return [error["status"] as? String].compactMap { $0 } + details
    }

    /// The body's JSON object, or the first element of a JSON array of objects (Google wraps some errors so).
    private static func jsonObject(_ body: String) -> [String: Any]? {
        guard let data = body.data(using: .utf8), let value = try? JSONSerialization.jsonObject(with: data) else {
            return nil
        }
        return value as? [String: Any] ?? (value as? [Any])?.first as? [String: Any]
    }

    /// `text` as one line: each line break (CR, LF, CRLF, or a run of them) becomes " / " and any other control
    /// character a space; blanks at either end are dropped and nothing else changes. Text longer than `limit`
    /// characters is cut after the last word that leaves room for the "…" it then ends with (or mid-word when one
    /// word fills it all).
    /// - Parameters:
    ///   - text: The server's message.
    ///   - limit: The most characters to return, "…" included.
    /// - Returns: The line.
    package static func oneLine(_ text: String, limit: Int = limit) -> String {
        var line = String.UnicodeScalarView()
        var inLineBreak = false
        for scalar in text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                inLineBreak = true
                continue
            }
            if inLineBreak {
                line.append(contentsOf: " / ".unicodeScalars)
                inLineBreak = false
            }
            line.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        return shortened(String(line), limit: limit)
    }

    /// `line` itself when it has at most `limit` characters, else its longest run of whole words that leaves room
    /// for "…", followed by "…".
    private static func shortened(_ line: String, limit: Int) -> String {
        guard line.count > limit else { return line }
        guard limit > 1 else { return String(line.prefix(max(limit, 0))) }
        let room = line.index(line.startIndex, offsetBy: limit - 1)
        var head = line[..<room]
        if !line[room].isWhitespace, let lastSpace = head.lastIndex(where: \.isWhitespace) {
            head = head[..<lastSpace]
        }
        // No dangling blanks, and no line-break separator left hanging at the cut.
        while true {
            if let last = head.last, last.isWhitespace {
                head = head.dropLast()
            } else if head.hasSuffix(" /") {
                head = head.dropLast(2)
            } else {
                break
            }
        }
        if head.isEmpty { head = line[..<room] }
        return head + "…"
    }
}
