import Testing

@testable import TerminalUI

/// The answer's deltas a renderer keeps between drains (all but the first since the last drain), and how the renderer
/// typesets them: as one delta at the next drain or input of another kind, in order, with the same output as the
/// deltas typeset one by one.
@Suite("DeltaBatch and the renderer's batched answer")
struct DeltaBatchTests {
    /// The batch's UTF-8, as the renderer reads it.
    static func bytes(_ batch: DeltaBatch) -> [UInt8] {
        var result: [UInt8] = []
        batch.withUTF8 { result = Array($0) }
        return result
    }

    @Test("deltas are joined as UTF-8, an empty one counts as a delta, and an emptied batch starts again")
    func batch() {
        var batch = DeltaBatch()
        #expect(!batch.hasDeltas && Self.bytes(batch).isEmpty)
        batch.append("")
        #expect(batch.hasDeltas && Self.bytes(batch).isEmpty)
        batch.removeAll()
        let long = String(repeating: "a long delta, not a small string · ", count: 4)
        batch.append(long)
        batch.append("你好")
        batch.append("🦊 ")
        #expect(Self.bytes(batch) == Array((long + "你好🦊 ").utf8))
        batch.removeAll()
        #expect(!batch.hasDeltas && Self.bytes(batch).isEmpty)
        batch.append("x")
        batch.append("y")
        #expect(Self.bytes(batch) == Array("xy".utf8))
    }

    @Test("deltas of every length from 1 to 40 bytes, each after deltas of every length, are joined byte for byte")
    func everyLength() {
        var batch = DeltaBatch()
        var expected: [UInt8] = []
        var next: UInt8 = 0x21
        for before in 1...40 {
            for length in 1...40 {
                batch.removeAll()
                expected.removeAll()
                for count in [before, length] {
                    // ASCII, different in every byte (a wrong offset shows), cycling through the printable range.
                    let bytes = (0..<count).map { _ in
                        next = next == 0x7E ? 0x21 : next + 1
                        return next
                    }
                    batch.append(String(decoding: bytes, as: UTF8.self))
                    expected += bytes
                }
                #expect(Self.bytes(batch) == expected, "\(before) then \(length) bytes")
            }
        }
        // Past the room first made: the joined bytes grow and keep what they held.
        batch.removeAll()
        let long = (0..<5000).map { "delta \($0) · " }
        for delta in long { batch.append(delta) }
        #expect(Self.bytes(batch) == Array(long.joined().utf8))
    }

    static let reply = """
        ## A heading

        Some **bold** prose with `code`, a [link](https://example.com) and 你好 — then a list:

        1. one
        2. two with *emphasis*

        ```swift
        let x = 1 // a comment
        ```

        | a | b |
        |---|---|
        | 1 | 2 |

        The end.
        """

    /// The stdout of a Markdown reply given as `deltas`, drained after every `every` deltas.
    static func stdout(_ deltas: [String], drainingEvery every: Int) -> [UInt8] {
        var renderer = ReplyRenderer(.init(mode: .terminal, color: true, columns: 40, markdown: true))
        var out: [UInt8] = []
        func drain() {
            renderer.drain(at: .zero) { if case .stdout(let bytes) = $0 { out += bytes } }
        }
        for (index, delta) in deltas.enumerated() {
            renderer.text(delta, at: .zero)
            if (index + 1) % every == 0 { drain() }
        }
        renderer.finish(mark: nil, summary: nil, at: .zero)
        drain()
        return out
    }

    @Test("deltas typeset together at a drain give the bytes of the same text typeset whole", arguments: [2, 5, 1000])
    func sameBytes(every: Int) {
        let whole = Self.stdout([Self.reply], drainingEvery: 1)
        for seed in UInt64(1)...20 {
            let deltas = Split.random(Self.reply, seed: seed)
            let batched = Self.stdout(deltas, drainingEvery: every)
            #expect(Screen.lines(batched) == Screen.lines(whole), "seed \(seed), drained every \(every)")
        }
        // Drained after every delta, nothing is batched: the renderer typesets each delta as it comes.
        #expect(Screen.lines(Self.stdout(Split.scalars(Self.reply), drainingEvery: 1)) == Screen.lines(whole))
    }

    @Test("text waiting for the drain is written before what comes after it: reasoning, a notice, the end")
    func order() {
        var renderer = ReplyRenderer(
            .init(mode: .terminal, stderrIsTerminal: true, columns: 40, markdown: true)
        )
        renderer.text("First ", at: .zero)
        renderer.text("words. ", at: .zero)  // two deltas: batched (ending in a space: no word held back)
        renderer.notice("connection dropped, resuming")
        renderer.text("More ", at: .zero)
        renderer.text("text. ", at: .zero)
        renderer.reasoning("a thought", at: .zero)
        renderer.text("Last ", at: .zero)
        renderer.text("words.", at: .zero)
        renderer.finish(mark: "[interrupted]", summary: nil, at: .zero)
        var order: [String] = []
        renderer.drain(at: .zero) { action in
            switch action {
            case .stdout(let bytes): order.append("out: " + Screen.stripSGR(String(decoding: bytes, as: UTF8.self)))
            case .stderr(let bytes): order.append("err: " + String(decoding: bytes, as: UTF8.self))
            case .wake: break
            }
        }
        #expect(order.count == 4)
        #expect(order.first == "out: First words.")
        #expect(order.dropFirst().first?.hasPrefix("err: ") == true)
        #expect(order.dropFirst().first?.contains("resuming") == true)
        let rest = order.dropFirst(2).first ?? ""
        #expect(rest.hasPrefix("out: ") && rest.contains("More text."))
        #expect(rest.contains("a thought") && rest.contains("Last words."))
        #expect(rest.firstRange(of: "More text.")!.lowerBound < rest.firstRange(of: "a thought")!.lowerBound)
        #expect(rest.firstRange(of: "a thought")!.lowerBound < rest.firstRange(of: "Last words.")!.lowerBound)
        #expect(order.last?.contains("[interrupted]") == true)
    }

    @Test("text waiting for the drain is wrapped at the width it came under, not one a resize sets after it")
    func resizeAfterBatchedText() {
        var renderer = ReplyRenderer(.init(mode: .terminal, columns: 20, markdown: true))
        renderer.text("one two three ", at: .zero)  // the first token: typeset at once
        renderer.text("four five ", at: .zero)  // the first delta since a drain: typeset at once
        renderer.text("six seven eight nine ten eleven ", at: .zero)  // waits for the drain
        renderer.resize(columns: 10)
        renderer.text("twelve", at: .zero)
        renderer.finish(mark: nil, summary: nil, at: .zero)
        var out: [UInt8] = []
        renderer.drain(at: .zero) { if case .stdout(let bytes) = $0 { out += bytes } }
        // Typeset after the resize, the waiting deltas' third row would have been wrapped at 10 columns.
        #expect(Screen.lines(out) == ["one two three four", "five six seven eight", "nine ten eleven", "twelve"])
    }

    @Test(
        "off a terminal and with Markdown off, batched deltas give the same bytes, and the end's newline only when missing"
    )
    func typewriterModes() {
        func stdout(_ configuration: ReplyRenderer.Configuration, _ deltas: [String], every: Int) -> [UInt8] {
            var renderer = ReplyRenderer(configuration)
            var out: [UInt8] = []
            for (index, delta) in deltas.enumerated() {
                renderer.text(delta, at: .zero)
                if (index + 1) % every == 0 { renderer.drain(at: .zero) { if case .stdout(let b) = $0 { out += b } } }
            }
            renderer.finish(mark: nil, summary: nil, at: .zero)
            renderer.drain(at: .zero) { if case .stdout(let bytes) = $0 { out += bytes } }
            return out
        }
        let plain = ReplyRenderer.Configuration(mode: .plain(sanitized: true))
        #expect(stdout(plain, ["x", "line\n", "more", "end\n"], every: 10) == Array("xline\nmoreend\n".utf8))
        #expect(stdout(plain, ["x", "line\n", "\u{1B}[2Jmore"], every: 10) == Array("xline\nmore\n".utf8))
        #expect(stdout(plain, ["", "", "a"], every: 10) == Array("a\n".utf8))
        #expect(stdout(plain, ["", ""], every: 10).isEmpty)
        let terminal = ReplyRenderer.Configuration(mode: .terminal, columns: 30)
        let whole = stdout(terminal, [Self.reply], every: 1)
        for seed in UInt64(1)...10 {
            let batched = stdout(terminal, Split.random(Self.reply, seed: seed), every: 6)
            #expect(Screen.lines(batched) == Screen.lines(whole), "seed \(seed)")
        }
    }
}
