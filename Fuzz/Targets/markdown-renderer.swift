/// Oracle: Markdown through the reply renderer (terminal mode, colour on) writes only printable text, LF, CR, SGR,
/// OSC 8 and the sequences that stay on the current row (`ESC[K`, `ESC[2K`, `ESC[nD`, `ESC[nC`) — never a cursor-up or any
/// other escape — however the reply is cut into deltas and whatever stalls (ticks that show held words) come between
/// them; and without ticks the bytes are the same whole, one scalar at a time, or in random pieces (drained after
/// each, or after some: the renderer then typesets the pieces between two drains as one), and the same with the
/// renderer's fast paths (runs of plain ASCII) turned off. The reply's first lines, held as a table's rows,
/// lay out the same read row by row (`TableCells.direct`) as parsed whole by `MarkdownParser`.
///
/// Input layout:
///
/// ```
///  byte 0   the width, 2 + byte % 120 cells
///  byte 1   seed for the pieces and the ticks between them
///  rest     the reply, decoded as UTF-8 with invalid bytes replaced (model text may hold any escape)
/// ```
@testable import TerminalUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count >= 2 else { return 0 }
    let input = UnsafeRawBufferPointer(start: start, count: count)
    let width = 2 + Int(input[0]) % 120
    let text = String(decoding: input[2...], as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    var generator = FuzzGenerator(seed: UInt64(input[1]) | UInt64(count) << 8)

    func render(mode: Int, ticks: Bool, fast: Bool = true, drainsEach: Bool = true) -> [UInt8] {
        var renderer = ReplyRenderer(.init(mode: .terminal, color: true, columns: width, markdown: true))
        renderer.usesFastPaths = fast
        var bytes: [UInt8] = []
        var now = Duration.zero
        func take(_ actions: [ReplyRenderer.Action]) -> Duration? {
            var wake: Duration?
            for action in actions {
                switch action {
                case .stdout(let out): bytes += out
                case .stderr: break
                case .wake(let at): wake = at
                }
            }
            return wake
        }
        for range in FuzzSplit.ranges(count: scalars.count, mode: mode, generator: &generator) {
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[range])
            renderer.text(String(piece), at: now)
            guard drainsEach || generator.below(4) == 0 else { continue }
            let wake = take(renderer.drain(at: now))
            if ticks, let wake, generator.below(2) == 0 {
                now = wake
                renderer.tick(at: now)
                _ = take(renderer.drain(at: now))
            }
            now += .milliseconds(1)
        }
        renderer.finish(mark: nil, summary: nil, at: now)
        _ = take(renderer.drain(at: now))
        return bytes
    }

    let whole = render(mode: 0, ticks: false)
    fuzzRequire(render(mode: 1, ticks: false) == whole, "one scalar at a time differs from whole")
    fuzzRequire(render(mode: 2, ticks: false) == whole, "random pieces differ from whole")
    fuzzRequire(
        render(mode: 2, ticks: false, drainsEach: false) == whole,
        "pieces drained in batches differ from whole"
    )
    fuzzRequire(render(mode: 2, ticks: false, fast: false) == whole, "the general path differs from the fast path")
    let stalled = render(mode: 2, ticks: true)
    for bytes in [whole, stalled] {
        let violation = firstViolation(bytes)
        fuzzRequire(violation == nil, "not on the whitelist: \(violation ?? "")")
    }
    checkTable(text, width: width)
    return 0
}

/// The first lines of `text` as a held table's rows: read directly, when they are of the common shape, they give
/// the bytes the whole parser's reading gives.
func checkTable(_ text: String, width: Int) {
    var rows = TableCells.Rows()
    for line in text.split(separator: "\n", maxSplits: 8, omittingEmptySubsequences: false).prefix(8) {
        rows.append(utf8: line.utf8)
    }
    var reader = TableCells.Reader()
    guard let direct = TableCells.direct(rows, reader: &reader) else { return }
    let parsed = TableCells.parsed(rows)
    let plan = direct.plan(width: width)
    fuzzRequire(plan == parsed.plan(width: width), "a table's plan differs from the parser's")
    for continuing in [false, true] {
        var read: [UInt8] = []
        var whole: [UInt8] = []
        direct.render(plan, width: width, color: true, continuing: continuing, into: &read)
        parsed.render(plan, width: width, color: true, continuing: continuing, into: &whole)
        fuzzRequire(read == whole, "a table read row by row differs from the parser's")
    }
}

/// The first thing in `bytes` that is not printable text, LF, CR, SGR, OSC 8, `ESC[K`, `ESC[2K` or `ESC[nD`.
func firstViolation(_ bytes: [UInt8]) -> String? {
    let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    var index = 0
    while index < scalars.count {
        let value = scalars[index].value
        index += 1
        if value == 0x0A || value == 0x0D { continue }
        if value == 0x1B {
            guard index < scalars.count else { return "a lone ESC" }
            let introducer = scalars[index]
            index += 1
            if introducer == "[" {
                var parameters = ""
                while index < scalars.count, !(0x40...0x7E).contains(scalars[index].value) {
                    parameters.unicodeScalars.append(scalars[index])
                    index += 1
                }
                guard index < scalars.count else { return "an unfinished CSI" }
                let final = scalars[index]
                index += 1
                let digits = parameters.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
                switch final {
                case "m" where parameters.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == ";" }): continue
                case "K" where parameters.isEmpty || parameters == "0" || parameters == "2": continue
                case "D" where digits, "C" where digits: continue
                default: return "CSI \(parameters)\(final)"
                }
            }
            if introducer == "]" {
                var body = ""
                while index < scalars.count, scalars[index] != "\u{1B}" {
                    body.unicodeScalars.append(scalars[index])
                    index += 1
                }
                guard index + 1 < scalars.count, scalars[index + 1] == "\\" else { return "an unterminated OSC" }
                index += 2
                guard body.hasPrefix("8;"), !body.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                    return "OSC \(body.prefix(3))"
                }
                continue
            }
            return "ESC \(introducer)"
        }
        if value < 0x20 || value == 0x7F || (0x80..<0xA0).contains(value) { return "control \(value)" }
    }
    return nil
}
