import ChatWire

/// Figures about one reply: time to first token, tokens, rate, total time, reconnections.
package struct ChatStats: Sendable, Equatable {
    /// Time from sending to the first text or reasoning token.
    package var timeToFirstToken: Duration?
    /// Text and reasoning deltas received.
    package var deltas = 0
    /// Completion tokens the server reported, if it did.
    package var reportedTokens: Int?
    /// The last usage report the server sent, if any (prompt, completion and total tokens).
    package var usage: ChatUsage?
    /// Time from sending to the end.
    package var total: Duration = .zero
    /// Resumptions and retries.
    package var reconnects = 0

    /// Creates empty stats.
    package init() {}

    /// Tokens: the server's count when it gave one, else the number of deltas.
    package var tokens: Int { reportedTokens ?? deltas }

    /// One line for stderr: `ttft 0.21s · 57 tokens · 40.3 tok/s · total 1.62s · 0 reconnects`.
    package var summary: String {
        let ttft = timeToFirstToken.map { Self.seconds($0) } ?? "–"
        let streaming = total - (timeToFirstToken ?? .zero)
        let rate = Self.asDouble(streaming) > 0 ? Double(tokens) / Self.asDouble(streaming) : 0
        return
            "ttft \(ttft) · \(tokens) token\(tokens == 1 ? "" : "s") · \(Self.format(rate, digits: 1)) tok/s · total \(Self.seconds(total))"
            + " · \(reconnects) reconnect\(reconnects == 1 ? "" : "s")"
    }

    private static func asDouble(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func seconds(_ duration: Duration) -> String { format(asDouble(duration), digits: 2) + "s" }

    private static func format(_ value: Double, digits: Int) -> String {
        let scale = digits == 1 ? 10.0 : 100.0
        let rounded = (value * scale).rounded() / scale
        var text = "\(rounded)"
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }
}
