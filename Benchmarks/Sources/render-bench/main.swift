// Markdown rendering throughput (issue: streaming Markdown): ~10 MB of LLM-style Markdown fed to the reply renderer
// (terminal mode, colour on, 80 columns) in 1–8-byte pieces, one `text` call each, as a stream of tokens reaches it,
// in thread CPU time: with a drain after each piece (one token per network read, the worst case), then with a drain
// every 70 pieces (a 16 KiB network read of a fast stream: the renderer typesets the pieces given since the last
// drain together). Baselines in the same run: the same renderer with Markdown off (the typewriter), and copying the
// pieces' bytes. `--scale` checks linearity: 1 MB and 10 MB of the same text, time ratio.
// Run: `swift run -c release --package-path Benchmarks render-bench [--scale | --blocks | --digest |
// --markdown-only [N] | --burst N] [--piece N] [--drain-every N]`
// (`--blocks`: plain prose, then each kind of block alone, with `--burst N` too if given; `--digest`: the output's
// length and hash, untimed, to compare two builds (or drains: with `--drain-every N` too if given); `--markdown-only
// [N]`: the Markdown renderer alone, on the Nth kind of `--blocks` if given, for `perf record`, with `--burst N` too if
// given; `--piece N`: pieces of N bytes; `--burst N`: the pieces given N at a time, as one string; `--drain-every N`: a
// drain after every N pieces instead of every piece, for all but the headline).
import BenchSupport
import TerminalUI

let blocks = [
    "## Setting up the project\n\n",
    "Here is a **quick overview** of what we will do, with `inline code`, *emphasis* and a "
        + "[link to the docs](https://example.com/docs \"Docs\"). Note that snake_case_names stay plain, "
        + "~~old text~~ is struck through, and 你好，世界 🦊 takes two cells a character.\n\n",
    "1. First, install the *dependencies*:\n2. Then run the **build** step\n   - nested item with `code`\n"
        + "   - another one\n3. Finally, test.\n\n",
    "```swift\nlet parser = MarkdownParser()\nfor piece in pieces {\n    parser.feed(piece, into: &events)\n}\n```\n\n",
    "> **Note:** quoted text that goes on\n> for a couple of lines with _underscores_ and a hard  \n> break.\n\n",
    "| Option | Default | Meaning |\n|:--|:-:|--:|\n| `--fast` | off | goes fast |\n| `--slow` | on | goes slow |\n\n",
    "- [ ] a task\n- [x] a done task\n\n---\n\n",
]

/// A reference block for `--blocks`: prose without any markup.
let prose = "Plain prose without any markup at all, the words of a paragraph as a model writes them, on and on.\n\n"

/// The number given after `flag` on the command line, if any.
func number(after flag: String) -> Int? {
    CommandLine.arguments.firstIndex(of: flag).flatMap { CommandLine.arguments.dropFirst($0 + 1).first }.flatMap {
        Int($0)
    }
}

/// `--piece N`: every piece N bytes instead of 1–8 (to tell the cost per piece from the cost per byte).
let fixedPiece = number(after: "--piece")

/// About `bytes` of Markdown made of `kinds` of blocks, cut into 1–8-byte pieces (never inside a UTF-8 sequence).
func pieces(bytes: Int, kinds: [String] = blocks) -> (pieces: [String], megabytes: Double) {
    var random = SplitMix64(seed: 7)
    var document = ""
    while document.utf8.count < bytes { document += kinds[random.next(in: 0...kinds.count - 1)] }
    var result: [String] = []
    var scalars = document.unicodeScalars[...]
    while !scalars.isEmpty {
        var taken = 0
        var budget = fixedPiece ?? 1 + random.next(in: 0...7)
        var end = scalars.startIndex
        while end < scalars.endIndex, budget > 0 {
            budget -= String(scalars[end]).utf8.count
            end = scalars.index(after: end)
            taken += 1
        }
        result.append(String(String.UnicodeScalarView(scalars[..<end])))
        scalars = scalars[end...]
    }
    return (result, Double(document.utf8.count) / 1_000_000)
}

/// `--burst N`: the pieces joined N at a time before they reach the renderer, as the reply driver gives it the answer
/// deltas of one network read (one typesetting entry and one drain per read), to show what the product's path costs
/// beside the worst case of a drain after every piece.
let burst = number(after: "--burst")

/// The pieces joined `count` at a time.
func joined(_ pieces: [String], _ count: Int) -> [String] {
    stride(from: 0, to: pieces.count, by: count).map { pieces[$0..<min($0 + count, pieces.count)].joined() }
}

/// `--drain-every N`: a drain after every N pieces.
let drainEvery = number(after: "--drain-every") ?? 1

/// CPU seconds to render `pieces`, draining after every `every` pieces and at the end.
func render(_ pieces: [String], markdown: Bool, drainingEvery every: Int = drainEvery) -> (seconds: Double, bytes: Int)
{
    var renderer = ReplyRenderer(.init(mode: .terminal, color: true, columns: 80, markdown: markdown))
    var written = 0
    let start = ThreadCPUClock.seconds
    var now = Duration.zero
    var sinceDrain = 0
    // A network read's deltas arrive at one time, as the driver gives them (it reads its clock once per read): the
    // clock moves on at each drain, 10 µs a piece since the last.
    let step = Duration.microseconds(10 * every)
    for piece in pieces {
        renderer.text(piece, at: now)
        sinceDrain += 1
        if sinceDrain == every {
            sinceDrain = 0
            renderer.drain(at: now) { action in
                if case .stdout(let bytes) = action { written += bytes.count }
            }
            now += step
        }
    }
    renderer.finish(mark: nil, summary: nil, at: now)
    renderer.drain(at: now) { action in
        if case .stdout(let bytes) = action { written += bytes.count }
    }
    return (ThreadCPUClock.seconds - start, written)
}

func copyFloor(_ pieces: [String]) -> Double {
    var sink: [UInt8] = []
    sink.reserveCapacity(1 << 20)
    let start = ThreadCPUClock.seconds
    for piece in pieces {
        sink.append(contentsOf: piece.utf8)
        if sink.count > 1 << 20 { sink.removeAll(keepingCapacity: true) }
    }
    return ThreadCPUClock.seconds - start
}

func fixed(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

func rate(_ megabytes: Double, _ seconds: Double) -> String {
    String(Int((megabytes / seconds).rounded())) + " MB/s"
}

if CommandLine.arguments.contains("--digest") {
    // The output itself, untimed: its length and FNV-1a hash, to compare two builds' bytes on the whole input.
    let input = pieces(bytes: 10_000_000)
    var renderer = ReplyRenderer(.init(mode: .terminal, color: true, columns: 80, markdown: true))
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    var count = 0
    func take(_ action: ReplyRenderer.Action) {
        guard case .stdout(let bytes) = action else { return }
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        count += bytes.count
    }
    for (index, piece) in input.pieces.enumerated() {
        renderer.text(piece, at: .zero)
        if (index + 1) % drainEvery == 0 { renderer.drain(at: .zero, take) }
    }
    renderer.finish(mark: nil, summary: nil, at: .zero)
    renderer.drain(at: .zero, take)
    print("\(count) bytes out, FNV-1a \(String(hash, radix: 16))")
} else if CommandLine.arguments.contains("--markdown-only") {
    // For `perf record`: only the Markdown renderer, three times; `--markdown-only N`: only the Nth kind of block.
    let argument = number(after: "--markdown-only")
    let input = pieces(bytes: 10_000_000, kinds: argument.map { [([prose] + blocks)[$0]] } ?? blocks)
    let given = burst.map { joined(input.pieces, $0) } ?? input.pieces
    let best = (0..<3).map { _ in render(given, markdown: true).seconds }.min() ?? 0
    print("Markdown renderer   \(rate(input.megabytes, best))")
} else if CommandLine.arguments.contains("--blocks") {
    // Where the time goes: 2 MB of each kind of block alone, best of 3; first plain prose (no markup at all).
    for block in [prose] + blocks {
        let input = pieces(bytes: 2_000_000, kinds: [block])
        let given = burst.map { joined(input.pieces, $0) } ?? input.pieces
        let best = (0..<3).map { _ in render(given, markdown: true).seconds }.min() ?? 0
        let name = block.prefix(24).map { $0 == "\n" ? "⏎" : $0 }
        print("\(fixed(input.megabytes / best)) MB/s\t\(String(name))")
    }
} else if CommandLine.arguments.contains("--scale") {
    let small = pieces(bytes: 1_000_000)
    let large = pieces(bytes: 10_000_000)
    let smallTime = (0..<3).map { _ in render(small.pieces, markdown: true).seconds }.min() ?? 0
    let largeTime = (0..<3).map { _ in render(large.pieces, markdown: true).seconds }.min() ?? 0
    let ratio = fixed(largeTime / smallTime)
    let input = fixed(large.megabytes / small.megabytes)
    print("1 MB: \(rate(small.megabytes, smallTime)) · 10 MB: \(rate(large.megabytes, largeTime)) · ")
    print("time ratio \(ratio) for \(input)× the input")
} else if let burst {
    let input = pieces(bytes: 10_000_000)
    let bursts = joined(input.pieces, burst)
    print("\(fixed(input.megabytes)) MB in \(input.pieces.count) pieces of 1–8 bytes, given \(burst) at a time")
    let markdown = (0..<3).map { _ in render(bursts, markdown: true) }.min { $0.seconds < $1.seconds }!
    let plain = (0..<3).map { _ in render(bursts, markdown: false) }.min { $0.seconds < $1.seconds }!
    print("Markdown renderer   \(rate(input.megabytes, markdown.seconds))  (\(markdown.bytes) bytes out)")
    print(
        "typewriter (no MD)  \(rate(input.megabytes, plain.seconds))  ratio \(fixed(markdown.seconds / plain.seconds))×"
    )
} else {
    let input = pieces(bytes: 10_000_000)
    print("\(fixed(input.megabytes)) MB in \(input.pieces.count) pieces of 1–8 bytes, one text call each")
    for every in [1, 70] {
        print(every == 1 ? "a drain after every piece:" : "a drain every \(every) pieces:")
        let markdown = (0..<3).map { _ in render(input.pieces, markdown: true, drainingEvery: every) }
            .min { $0.seconds < $1.seconds }!
        let plain = (0..<3).map { _ in render(input.pieces, markdown: false, drainingEvery: every) }
            .min { $0.seconds < $1.seconds }!
        print("  Markdown renderer   \(rate(input.megabytes, markdown.seconds))  (\(markdown.bytes) bytes out)")
        print(
            "  typewriter (no MD)  \(rate(input.megabytes, plain.seconds))  "
                + "ratio \(fixed(markdown.seconds / plain.seconds))×"
        )
    }
    let floor = (0..<3).map { _ in copyFloor(input.pieces) }.min() ?? 0
    print("copying the pieces    \(rate(input.megabytes, floor))")
}
