import Foundation
import Markdown
import Testing

/// One example of the CommonMark or GFM spec, as dumped to `Fixtures/*.json`.
struct SpecExample: Decodable, Sendable, CustomTestStringConvertible {
    var markdown: String
    var html: String
    var example: Int
    var section: String
    /// Whether the example is from the GFM extensions file (its numbers overlap CommonMark's).
    var gfm = false

    private enum CodingKeys: String, CodingKey {
        case markdown, html, example, section
    }

    var testDescription: String { "example \(example) (\(section))" }

    /// Every example of both fixture files, CommonMark first.
    static func all() throws -> [SpecExample] {
        var examples: [SpecExample] = []
        for name in ["commonmark-0.31.2", "gfm-0.29.0.gfm.0-extensions"] {
            let url = try #require(
                Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures")
            )
            var decoded = try JSONDecoder().decode([SpecExample].self, from: Data(contentsOf: url))
            for index in decoded.indices {
                decoded[index].gfm = name.hasPrefix("gfm")
            }
            examples += decoded
        }
        return examples
    }

    /// The events for `markdown` fed in the given pieces.
    static func events(_ pieces: [Substring], extensions: MarkdownExtensions) -> [MarkdownEvent] {
        var parser = MarkdownParser(extensions: extensions)
        var events: [MarkdownEvent] = []
        for piece in pieces {
            parser.feed(piece, into: &events)
        }
        parser.finish(into: &events)
        return events
    }

    /// The extensions the example is written for: none for CommonMark's, all of GFM's for the GFM file's.
    var extensions: MarkdownExtensions { gfm ? .gfm : [] }

    /// The parser's HTML for the example.
    var actualHTML: String {
        MarkdownHTML.render(Self.events([markdown[...]], extensions: extensions))
    }

    /// Whether the parser's HTML matches the expected HTML after normalisation.
    var passes: Bool {
        HTMLNormalizer.normalize(actualHTML) == HTMLNormalizer.normalize(self.html)
    }
}
