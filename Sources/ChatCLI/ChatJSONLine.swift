import ChatWire

/// The `--json` output: one object per line for each thing that happens in a reply.
///
/// `{"type":"text","text":…}` · `{"type":"reasoning","text":…}` · `{"type":"status","text":…}` ·
/// `{"type":"usage","prompt_tokens":…,"completion_tokens":…,"total_tokens":…}` · `{"type":"finish","reason":…}` ·
/// `{"type":"retrying","reason":…}` · `{"type":"resuming","reason":…}` ·
/// `{"type":"done","complete":true|false,"reason":…}` · `{"type":"error","message":…,"exit_code":N}`.
package enum ChatJSONLine {
    /// A line with a `type` and string fields, in order.
    package static func line(_ type: String, _ fields: [(String, String)] = []) -> [UInt8] {
        var out: [UInt8] = Array(#"{"type":"#.utf8)
        JSONString.append(type, to: &out)
        for (key, value) in fields {
            out.append(UInt8(ascii: ","))
            JSONString.append(key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONString.append(value, to: &out)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// The usage line (absent counts are `null`).
    package static func usage(_ usage: ChatUsage) -> [UInt8] {
        func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }
        let text =
            #"{"type":"usage","prompt_tokens":\#(number(usage.promptTokens)),"completion_tokens":"#
            + #"\#(number(usage.completionTokens)),"total_tokens":\#(number(usage.totalTokens))}"#
        return Array((text + "\n").utf8)
    }

    /// The final line of a reply.
    package static func done(complete: Bool, reason: String?) -> [UInt8] {
        var out: [UInt8] = Array(#"{"type":"done","complete":\#(complete)"#.utf8)
        if let reason {
            out.append(contentsOf: #","reason":"#.utf8)
            JSONString.append(reason, to: &out)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// An error line with its exit code.
    package static func error(_ message: String, exitCode: Int32) -> [UInt8] {
        var out: [UInt8] = Array(#"{"type":"error","message":"#.utf8)
        JSONString.append(message, to: &out)
        out.append(contentsOf: #","exit_code":\#(exitCode)}"#.utf8)
        out.append(contentsOf: "\n".utf8)
        return out
    }
}
