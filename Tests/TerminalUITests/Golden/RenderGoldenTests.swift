import Foundation
import Testing

@testable import TerminalUI

/// The reply renderer's exact bytes, against a golden file captured from the renderer before its fast paths: every
/// input of `RenderGoldenCases` at widths 20/40/80/200, colour on and off, Markdown on (and off for the non-spec
/// inputs), fed whole, one scalar at a time and in random 1–8-scalar pieces (all three must give the stored
/// bytes), in small pieces with a tick after each (held words shown early), and with a resize half-way.
///
/// To capture the file again from the current renderer (only when its output is meant to change):
/// `RENDER_GOLDEN_WRITE=1 swift test --filter RenderGoldenTests`, then review the diff.
@Suite("Reply renderer output, byte for byte against the golden file")
struct RenderGoldenTests {
    /// One input and its renderings, as stored.
    struct Entry: Codable, Equatable {
        var name: String
        var reasoning: String?
        var text: String
        var renders: [Render]
    }

    /// The bytes of one configuration; `stalled` and `resized` are absent when equal to `output`.
    struct Render: Codable, Equatable {
        var width: Int
        var color: Bool
        var markdown: Bool
        var output: String
        var stalled: String?
        var resized: String?
    }

    static let goldenFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("render-golden.json")

    @Test("every input, configuration and split writes the golden bytes")
    func matchesGolden() throws {
        let entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: Self.goldenFile))
        #expect(entries.count > 300)
        for entry in entries {
            for render in entry.renders {
                let label = "\(entry.name), width \(render.width), color \(render.color), md \(render.markdown)"
                let expected = Array(render.output.utf8)
                for (split, pieces) in Self.splits(entry) {
                    let bytes = Self.drive(entry, pieces, render, ticks: false, resizeAt: nil)
                    #expect(Self.difference(bytes, expected) == nil, "\(label), \(split)")
                }
                let stalled = Self.drive(entry, Self.stallPieces(entry), render, ticks: true, resizeAt: nil)
                let stalledExpected = Array((render.stalled ?? render.output).utf8)
                #expect(Self.difference(stalled, stalledExpected) == nil, "\(label), stalled")
                let resized = Self.drive(entry, Self.resizePieces(entry), render, ticks: false, resizeAt: 0.5)
                let resizedExpected = Array((render.resized ?? render.output).utf8)
                #expect(Self.difference(resized, resizedExpected) == nil, "\(label), resized")
            }
        }
    }

    @Test(
        "captures the golden file from the current renderer",
        .enabled(if: ProcessInfo.processInfo.environment["RENDER_GOLDEN_WRITE"] != nil)
    )
    func writeGolden() throws {
        let specDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("MarkdownTests/Fixtures")
        var entries: [Entry] = []
        for input in try RenderGoldenCases.inputs(specDirectory: specDirectory) {
            var entry = Entry(name: input.name, reasoning: input.reasoning, text: input.text, renders: [])
            var configurations: [(Int, Bool, Bool)] = []
            for width in RenderGoldenCases.widths {
                for color in [true, false] { configurations.append((width, color, true)) }
            }
            if !input.name.contains("example") {
                configurations += [(20, true, false), (80, true, false)]
            }
            for (width, color, markdown) in configurations {
                var render = Render(width: width, color: color, markdown: markdown, output: "")
                let whole = Self.drive(entry, [[input.reasoning ?? ""], [input.text]], render, ticks: false)
                render.output = try Self.string(whole)
                let stalled = try Self.string(Self.drive(entry, Self.stallPieces(entry), render, ticks: true))
                let resized = try Self.string(
                    Self.drive(entry, Self.resizePieces(entry), render, ticks: false, resizeAt: 0.5)
                )
                render.stalled = stalled == render.output ? nil : stalled
                render.resized = resized == render.output ? nil : resized
                entry.renders.append(render)
            }
            entries.append(entry)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(entries).write(to: Self.goldenFile)
    }

    // MARK: Driving the renderer

    /// The reasoning and answer pieces of the splits that must all give the same bytes.
    static func splits(_ entry: Entry) -> [(String, [[String]])] {
        let reasoning = entry.reasoning ?? ""
        return [
            ("whole", [[reasoning], [entry.text]]),
            ("scalars", [Split.scalars(reasoning), Split.scalars(entry.text)]),
            (
                "random 1–8",
                [Split.random(reasoning, seed: 3, maxPiece: 8), Split.random(entry.text, seed: 3, maxPiece: 8)]
            ),
        ]
    }

    static func stallPieces(_ entry: Entry) -> [[String]] {
        [Split.random(entry.reasoning ?? "", seed: 11, maxPiece: 3), Split.random(entry.text, seed: 11, maxPiece: 3)]
    }

    static func resizePieces(_ entry: Entry) -> [[String]] {
        [Split.random(entry.reasoning ?? "", seed: 5), Split.random(entry.text, seed: 5)]
    }

    /// Renders the reasoning pieces (when the entry has reasoning), then the answer pieces, draining after each;
    /// with `ticks`, time passes to each wake-up asked for; with `resizeAt`, the width changes to two thirds plus 3
    /// that far through the answer's pieces.
    static func drive(
        _ entry: Entry,
        _ pieces: [[String]],
        _ render: Render,
        ticks: Bool,
        resizeAt: Double? = nil
    ) -> [UInt8] {
        let renderer = ReplyRenderer(
            .init(mode: .terminal, color: render.color, columns: render.width, markdown: render.markdown)
        )
        var playback = RendererPlayback(renderer, ticks: ticks)
        if entry.reasoning != nil {
            for piece in pieces[0] { playback.reasoning(piece) }
        }
        let resizeIndex = resizeAt.map { Int(Double(pieces[1].count) * $0) }
        for (index, piece) in pieces[1].enumerated() {
            if index == resizeIndex { playback.renderer.resize(columns: render.width * 2 / 3 + 3) }
            playback.text(piece)
        }
        return playback.finish()
    }

    /// Where `bytes` first differ from `expected`, with some bytes around it (escaped), or `nil` when they are equal.
    static func difference(_ bytes: [UInt8], _ expected: [UInt8]) -> String? {
        guard bytes != expected else { return nil }
        let offset = zip(bytes, expected).prefix { $0 == $1 }.count
        func around(_ text: [UInt8]) -> String {
            let slice = text[max(0, offset - 20)..<min(text.count, offset + 40)]
            return String(decoding: slice, as: UTF8.self).unicodeScalars.map { $0.escaped(asASCII: true) }.joined()
        }
        return "at byte \(offset): got …\(around(bytes))… expected …\(around(expected))…"
    }

    /// The bytes as a string, which must give back the same bytes (the renderer writes UTF-8 only).
    static func string(_ bytes: [UInt8]) throws -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        try #require(Array(text.utf8) == bytes, "the renderer wrote bytes that are not UTF-8")
        return text
    }
}
