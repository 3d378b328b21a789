import Markdown
import Testing

@Suite("CommonMark and GFM spec examples")
struct SpecTests {
    /// The sections that must pass at least 95 % of their in-scope examples.
    private static let requiredSections: Set<String> = [
        "Tabs", "Thematic breaks", "ATX headings", "Setext headings", "Indented code blocks", "Fenced code blocks",
        "Paragraphs", "Block quotes", "List items", "Lists", "Backslash escapes",
        "Entity and numeric character references", "Code spans", "Emphasis and strong emphasis", "Links",
        "Autolinks", "Hard line breaks", "Soft line breaks", "Tables (extension)", "Strikethrough (extension)",
        "Autolinks (extension)",
    ]

    @Test("every example passes except the listed ones, and the listed ones still fail")
    func examplesMatchExpectedFailures() throws {
        for example in try SpecExample.all() {
            let reason = ExpectedFailures.reason(for: example)
            let passes = example.passes
            if reason == nil {
                #expect(passes, "\(example.testDescription) fails:\n\(example.markdown)\ngot\n\(example.actualHTML)")
            } else {
                #expect(!passes, "\(example.testDescription) passes now: remove it from ExpectedFailures")
            }
        }
    }

    /// Prints the per-section table recorded in docs/MARKDOWN.md and checks the 95 % floor.
    @Test("each required section passes at least 95 % of its in-scope examples")
    func sectionPassRates() throws {
        var order: [String] = []
        var totals: [String: (examples: Int, passed: Int, outOfScope: Int)] = [:]
        for example in try SpecExample.all() {
            let section = example.section
            if totals[section] == nil {
                order.append(section)
                totals[section] = (0, 0, 0)
            }
            totals[section]?.examples += 1
            if example.passes {
                totals[section]?.passed += 1
            } else if ExpectedFailures.reason(for: example) != nil {
                totals[section]?.outOfScope += 1
            }
        }
        var table =
            "| Section | Examples | Pass | Out of scope | Pass (all) | Pass (in scope) |\n|---|--:|--:|--:|--:|--:|\n"
        for section in order {
            let total = try #require(totals[section])
            let inScope = total.examples - total.outOfScope
            let rate = inScope == 0 ? 100 : 100 * Double(total.passed) / Double(inScope)
            let allRate = 100 * Double(total.passed) / Double(total.examples)
            table += "| \(section) | \(total.examples) | \(total.passed) | \(total.outOfScope) | "
            table += "\(percent(allRate)) | \(inScope == 0 ? "–" : percent(rate)) |\n"
            if Self.requiredSections.contains(section) {
                #expect(rate >= 95, "\(section): \(percent(rate)) of in-scope examples pass")
            }
        }
        print(table)
    }

    private func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
