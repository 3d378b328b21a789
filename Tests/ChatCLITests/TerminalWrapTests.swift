import Foundation
import TestSupport
import Testing

/// Soft word wrap of CJK, emoji and Latin text at several terminal widths, as it reaches a real pseudo-terminal.
@Suite("Terminal: wrapping wide characters", .timeLimit(.minutes(1)))
struct TerminalWrapTests {
    /// Latin words, Japanese and Chinese (two cells each, breakable anywhere), emoji (two cells), full-width
    /// punctuation, and one word longer than 20 cells but not 40.
    static let text =
        "Wrapping test: the quick brown fox jumps over the lazy dog. "
        + "日本語のテキストは二つのセルを使います。"
        + "Emoji 🙂🎉👍 take two cells too, and so does 中文字符也是宽字符，每个占两列。 "
        + "A verylongwordthatislongerthantwentycells ends it, with a few short words after."

    /// Deltas cut at awkward places: inside words and between the halves of the text.
    static var tokens: [String] {
        var tokens: [String] = []
        var current = ""
        for (index, character) in text.enumerated() {
            current.append(character)
            if index % 7 == 6 {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    @Test("No line is wider than the terminal, and no word that fits is split", arguments: [20, 40, 80])
    func wraps(width: Int) async throws {
        let run = try await TerminalOnceRun.run(ScriptedReply(Self.tokens), columns: UInt16(width))
        #expect(run.status == 0)
        let plain = PseudoTerminal.strippingEscapes(run.output)
        var lines = plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        #expect(lines.count > 1 || width == 80 && lines.count >= 1)
        for line in lines {
            #expect(Self.cells(line) <= width, "line of \(Self.cells(line)) cells at width \(width): \(line)")
        }
        // The same units (words and wide characters) in the same order: a word split by a break would show up
        // as two. Words wider than the line may be broken.
        var produced = lines.flatMap(Self.units)[...]
        for unit in Self.units(Self.text) {
            if Self.cells(unit) <= width {
                #expect(produced.first == unit, "expected \(unit), got \(produced.first ?? "-") at width \(width)")
                produced = produced.dropFirst()
            } else {
                var joined = ""
                while joined.count < unit.count, let next = produced.first {
                    joined += next
                    produced = produced.dropFirst()
                }
                #expect(joined == unit)
            }
        }
        #expect(produced.isEmpty, "left over: \(Array(produced))")
        if width == 20 {
            #expect(lines.contains { $0.hasPrefix("verylongwordthatisl") }, "the long word is not hard-broken at 20")
        }
    }

    /// Splits text into words (runs of narrow non-space characters) and single wide characters.
    static func units(_ text: String) -> [String] {
        var units: [String] = []
        var word = ""
        for character in text {
            if character.isWhitespace || cells(character) == 2 {
                if !word.isEmpty { units.append(word) }
                word = ""
                if !character.isWhitespace { units.append(String(character)) }
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { units.append(word) }
        return units
    }

    /// Display cells of a line (this test's text only uses single-scalar characters).
    static func cells(_ text: String) -> Int {
        text.reduce(0) { $0 + cells($1) }
    }

    /// Two cells for East Asian wide and full-width characters and emoji, one otherwise.
    static func cells(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        ]
        return wide.contains { $0.contains(scalar.value) } ? 2 : 1
    }
}
