import Foundation
import TestSupport
import Testing

@testable import ChatWire

@Suite("JSON writing and percent-encoding")
struct JSONWritingTests {
    @Test("Escaped strings read back exactly with Foundation", arguments: [31, 32] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let scalars = (0..<Int.random(in: 0...24, using: &random)).map { _ -> Character in
                let ranges: [ClosedRange<UInt32>] = [
                    0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF,
                ]
                let value = UInt32.random(in: random.pick(ranges), using: &random)
                return Character(Unicode.Scalar(value) ?? "?")
            }
            let text = String(scalars)
            let body = JSONValue.object([.init("s", .string(text)), .init("n", .int(-3)), .init("b", .bool(false))])
            let decoded = try #require(try JSONSerialization.jsonObject(with: body.serialized()) as? [String: Any])
            #expect(decoded["s"] as? String == text)
            #expect(decoded["n"] as? Int == -3)
        }
    }

    @Test("Control characters use the short escapes where JSON has them")
    func controlEscapes() {
        #expect(
            JSONString.escaped("\"\\/\u{8}\u{C}\n\r\t\u{1}\u{1F}\u{7F}") == #"\"\\/\b\f\n\r\t\u0001\u001f"#
                + "\u{7F}"
        )
    }

    @Test("A quoted literal, the byte form and the string form agree; text needing no escape is kept as is")
    func literalForms() {
        let text = "a\"b\\c\n\t\u{1}"
        var bytes: [UInt8] = []
        JSONString.append(text, to: &bytes)
        #expect(JSONString.quoted(text) == #""a\"b\\c\n\t\u0001""#)
        #expect(String(decoding: bytes, as: UTF8.self) == JSONString.quoted(text))
        #expect(JSONString.escaped("日本 🚀") == "日本 🚀")
    }

    @Test("Lone surrogate repair leaves valid text alone")
    func repairNoop() {
        #expect(LoneSurrogateRepair.repair(#"{"a":"\ud83d\ude00 \\ud800 \n"}"#) == nil)
        #expect(LoneSurrogateRepair.repair(#"{"a":"\ud800"}"#) == #"{"a":"\ufffd"}"#)
    }
}
