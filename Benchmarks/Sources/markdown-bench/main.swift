// Markdown parser throughput (docs/MARKDOWN.md): ~10 MB of LLM-style Markdown fed to `MarkdownParser` in 1–8-byte
// pieces and whole, in thread CPU time, next to a do-nothing line splitter fed the same pieces (the floor on this
// machine). `--scaling` times repeated pathological units at growing sizes (linearity check); `--whole` skips the
// piece runs. Run: `swift run -c release --package-path Benchmarks markdown-bench`.
import BenchSupport
import Markdown

var random = SplitMix64(seed: 42)

let blocks = [
    "## Setting up the project\n\n",
    "Here is a **quick overview** of what we will do, with `inline code`, *emphasis* and a "
        + "[link to the docs](https://example.com/docs \"Docs\"). Note that snake_case_names stay plain and "
        + "~~old text~~ is struck through. See www.example.org for more.\n\n",
    "1. First, install the *dependencies*:\n2. Then run the **build** step\n   - nested item with `code`\n"
        + "   - another one\n3. Finally, test.\n\n",
    "```swift\nlet parser = MarkdownParser()\nfor piece in pieces {\n    parser.feed(piece, into: &events)\n}\n```\n\n",
    "> **Note:** quoted text that goes on\n> for a couple of lines with _underscores_ and a hard  \n> break.\n\n",
    "| Option | Default | Meaning |\n|:--|:-:|--:|\n| `--fast` | off | goes fast |\n| `--slow` | on | goes slow |\n\n",
    "- [ ] a task\n- [x] a done task\n\n---\n\n",
]
var document = ""
while document.utf8.count < 10_000_000 {
    document += blocks[random.next(in: 0...blocks.count - 1)]
}
var pieces: [Substring] = []
let utf8 = Array(document.utf8)
var offset = 0
var index = document.startIndex
while offset < utf8.count {
    var length = min(1 + random.next(in: 0...7), utf8.count - offset)
    while offset + length < utf8.count, utf8[offset + length] & 0xC0 == 0x80 {
        length += 1
    }
    let end = document.utf8.index(index, offsetBy: length)
    pieces.append(document[index..<end])
    index = end
    offset += length
}
let megabytes = Double(document.utf8.count) / 1_000_000

/// The floor: a do-nothing line splitter fed the same pieces (appends bytes, counts lines), for comparison.
struct TrivialSplitter {
    var line: [UInt8] = []
    var lines = 0
    mutating func feed(_ text: Substring) {
        _ = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes {
                if byte == 10 {
                    lines += 1
                    line.removeAll(keepingCapacity: true)
                } else {
                    line.append(byte)
                }
            }
        }
    }
}
for _ in 1...2 {
    let cpuStart = ThreadCPUClock.seconds
    var splitter = TrivialSplitter()
    for piece in pieces {
        splitter.feed(piece)
    }
    let cpu = ThreadCPUClock.seconds - cpuStart
    print("floor: a do-nothing line splitter, \(splitter.lines) lines: CPU \(cpu) s (\(megabytes / cpu) MB/s)")
}
if CommandLine.arguments.contains("--scaling") {
    for unit in ["*a ", "[", "`a", "<a", "a_", "**_", "a  \n", "[a](b ", "a\n- b\n\n"] {
        var line = "\(unit.debugDescription):"
        for size in [25_000, 50_000, 100_000, 200_000] {
            let input = String(repeating: unit, count: size)
            let start = ThreadCPUClock.seconds
            var parser = MarkdownParser()
            var events: [MarkdownEvent] = []
            parser.feed(input, into: &events)
            parser.finish(into: &events)
            line += " \(size): \(Int((ThreadCPUClock.seconds - start) * 1000)) ms"
        }
        print(line)
    }
}
let wholeOnly = CommandLine.arguments.contains("--whole")
for run in 1...(wholeOnly ? 8 : 2) {
    let cpuStart = ThreadCPUClock.seconds
    var parser = MarkdownParser()
    var events: [MarkdownEvent] = []
    parser.feed(document, into: &events)
    parser.finish(into: &events)
    let cpu = ThreadCPUClock.seconds - cpuStart
    print("whole document in one piece: \(events.count) events; CPU \(cpu) s (\(megabytes / cpu) MB/s)")
}
for run in 1...3 where !wholeOnly {
    let clock = ContinuousClock()
    var count = 0
    let cpuStart = ThreadCPUClock.seconds
    let elapsed = clock.measure {
        var parser = MarkdownParser()
        var events: [MarkdownEvent] = []
        for piece in pieces {
            parser.feed(piece, into: &events)
            count += events.count
            events.removeAll(keepingCapacity: true)
        }
        parser.finish(into: &events)
        count += events.count
    }
    let cpu = ThreadCPUClock.seconds - cpuStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(
        "run \(run): \(megabytes) MB in \(pieces.count) pieces, \(count) events; wall \(seconds) s "
            + "(\(megabytes / seconds) MB/s); CPU \(cpu) s (\(megabytes / cpu) MB/s)"
    )
}
