/// Oracle: on a terminal of the wrapper's width, `LineWrapper` output never makes the terminal wrap a line by
/// itself (no row gets wider than the width), uses no control but LF, `ESC [ n D` and `ESC [ K`, keeps the
/// wrapper's column equal to the cursor's, and shows every visible scalar of the text exactly once, in order;
/// whatever the text and however `append`, `flushHeld`, `flush`, `resize` and `endLine` are interleaved.
///
/// Input layout:
///
/// ```
///  byte 0   the width, 1 + byte % 200 cells
///  byte 1   seed for the pieces and the operations between them (flushHeld, flush, resize to 1…200)
///  rest     the text, decoded as UTF-8 with invalid bytes replaced, then sanitised by `TerminalSanitizer` (the
///           wrapper takes printable scalars, LF and TAB, as `Typewriter` feeds it)
/// ```
///
/// The screen is a small terminal model measured with the project's `GraphemeWidthTracker` (`DisplayWidth`), with
/// xterm's pending wrap (after the last cell the cursor stays on it) and LF as CR LF. A space is no cluster base: a
/// VS16 or a mark after it stays zero-width, as in terminals (and as the wrapper, which ends clusters at spaces,
/// measures it). What a "row" is follows from
/// what the wrapper may emit: LF starts one, `ESC [ n D` moves left within it, `ESC [ K` erases its right part.
///
/// Widths: each row is checked against the wrapper's width for that row. Width 1 is the one accepted exception: the
/// wrapper raises widths below 2 to 2 (a wide character needs two cells and must go somewhere), so a 1-cell terminal
/// would see 2-cell rows; the harness checks the raise and then holds the rows to 2. A resize applies from the next
/// row, or at once while the current row is still empty (the wrapper's documented rule, checked here too).
@testable import TerminalUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count >= 2 else { return 0 }
    let input = UnsafeRawBufferPointer(start: start, count: count)
    let requested = 1 + Int(input[0]) % 200
    var generator = FuzzGenerator(seed: UInt64(input[1]) | UInt64(count) << 8)
    var sanitizer = TerminalSanitizer()
    let text = sanitizer.sanitize(String(decoding: input[2...], as: UTF8.self))
    let scalars = Array(text.unicodeScalars)

    var wrapper = LineWrapper(width: requested)
    fuzzRequire(wrapper.width == max(requested, 2), "width \(requested) became \(wrapper.width)")
    var screen = ScreenModel(width: wrapper.width)
    var expectedNextWidth: Int?

    /// Applies what one call wrote and checks the rows it started against the width now in force.
    func check(_ output: [UInt8], _ what: String) {
        let rowsBefore = screen.rowCount
        screen.apply(output, newRowWidth: wrapper.width)
        if let problem = screen.violation {
            fuzzRequire(false, "\(problem) after \(what); width \(requested), text \(text.debugDescription)")
        }
        if screen.rowCount > rowsBefore, let expected = expectedNextWidth {
            fuzzRequire(wrapper.width == expected, "new row has width \(wrapper.width), resize asked \(expected)")
            expectedNextWidth = nil
        }
        fuzzRequire(
            wrapper.column == screen.column,
            "wrapper column \(wrapper.column) ≠ cursor \(screen.column) after \(what); text \(text.debugDescription)"
        )
    }

    for range in FuzzSplit.ranges(count: scalars.count, mode: 2, generator: &generator) {
        var output: [UInt8] = []
        for scalar in scalars[range] { wrapper.append(scalar, to: &output) }
        check(output, "append")
        output.removeAll()
        switch generator.below(16) {
        case 0..<5:
            wrapper.flushHeld(to: &output)
            check(output, "flushHeld")
        case 5:
            wrapper.flush(to: &output)
            check(output, "flush")
        case 6:
            let newWidth = 1 + generator.below(200)
            let before = wrapper.width
            let rowWasEmpty = screen.currentRowIsEmpty
            wrapper.resize(width: newWidth)
            if wrapper.width != before {
                fuzzRequire(wrapper.width == max(newWidth, 2), "resize to \(newWidth) gave \(wrapper.width)")
                fuzzRequire(rowWasEmpty, "width changed to \(wrapper.width) on a row that has text")
                screen.setCurrentRowWidth(wrapper.width)
                expectedNextWidth = nil
            } else {
                expectedNextWidth = max(newWidth, 2)
            }
        case 7:
            wrapper.endLine(to: &output)
            check(output, "endLine")
        default:
            break
        }
    }
    var output: [UInt8] = []
    wrapper.endLine(to: &output)
    check(output, "the final endLine")
    fuzzRequire(screen.column == 0, "the final endLine left the cursor at column \(screen.column)")

    let expected = String(String.UnicodeScalarView(scalars.filter { $0 != " " && $0 != "\t" && $0 != "\n" }))
    let shown = screen.visibleText
    fuzzRequire(shown == expected, "screen shows \(shown.debugDescription), text was \(expected.debugDescription)")
    return 0
}

/// A terminal that records the first thing the wrapper should never make it do.
private struct ScreenModel {
    /// A row: its width, what was drawn in each cell (`""` blank, `nil` the right half of a wide character) and
    /// zero-width scalars drawn at its very start (nothing to attach them to).
    private struct Row {
        var width: Int
        var cells: [String?]
        var leading = ""

        init(width: Int) {
            self.width = width
            cells = Array(repeating: "", count: width)
        }
    }

    private var rows: [Row]
    /// The cursor's column; equal to the row's width on the pending wrap after its last cell.
    private(set) var column = 0
    private(set) var violation: String?
    private var clusterCell: Int?
    private var tracker = GraphemeWidthTracker()

    init(width: Int) {
        rows = [Row(width: width)]
    }

    var rowCount: Int { rows.count }

    /// No cell of the current row is drawn (zero-width scalars alone take no room).
    var currentRowIsEmpty: Bool {
        column == 0 && rows[rows.count - 1].cells.allSatisfy { $0 == "" }
    }

    /// What is on screen, rows in order, blanks and spaces left out.
    var visibleText: String {
        var text = ""
        for row in rows {
            text += row.leading
            for cell in row.cells { text += cell ?? "" }
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != " " }))
    }

    /// Gives the current row, which has no drawn cell, a new width (keeping zero-width scalars at its start).
    mutating func setCurrentRowWidth(_ width: Int) {
        let leading = rows[rows.count - 1].leading
        rows[rows.count - 1] = Row(width: width)
        rows[rows.count - 1].leading = leading
    }

    mutating func apply(_ bytes: [UInt8], newRowWidth: Int) {
        var scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars.makeIterator()
        while violation == nil, let scalar = scalars.next() {
            switch scalar.value {
            case 0x0A:
                rows.append(Row(width: newRowWidth))
                column = 0
                forgetCluster()
            case 0x1B:
                escape(&scalars)
                forgetCluster()
            case 0..<0x20, 0x7F...0x9F:
                violation = "control U+\(String(scalar.value, radix: 16)) written"
            case 0x20:
                put(scalar)
                forgetCluster()
            default:
                put(scalar)
            }
        }
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        let last = rows.count - 1
        let width = rows[last].width
        let measure = tracker.measure(scalar)
        if measure.extendsCluster, let cell = clusterCell {
            rows[last].cells[cell]? += String(scalar)
            if column + measure.cells > width {
                violation = "row \(last) grows past \(width) cells when U+\(String(scalar.value, radix: 16)) widens it"
                return
            }
            for index in column..<(column + measure.cells) { rows[last].cells[index] = nil }
            column += measure.cells
            return
        }
        if measure.cells == 0 {
            // Zero-width with nothing to join: drawn with the cell before the cursor, if any.
            if let cell = rows[last].cells[..<min(column, width)].lastIndex(where: { $0 != nil }) {
                rows[last].cells[cell]? += String(scalar)
            } else {
                rows[last].leading += String(scalar)
            }
            return
        }
        if column + measure.cells > width {
            let code = String(scalar.value, radix: 16)
            violation = "row \(last) wraps: \(measure.cells)-cell U+\(code) at column \(column) of \(width)"
            return
        }
        rows[last].cells[column] = String(scalar)
        clusterCell = column
        for index in (column + 1)..<(column + measure.cells) { rows[last].cells[index] = nil }
        column += measure.cells
    }

    /// `ESC [ n D` and `ESC [ K`; anything else is a violation.
    private mutating func escape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard scalars.next() == "[" else {
            violation = "an escape other than CSI"
            return
        }
        var parameter = ""
        while let scalar = scalars.next() {
            switch scalar {
            case "0"..."9":
                parameter.unicodeScalars.append(scalar)
            case "D":
                let last = rows.count - 1
                let count = Int(parameter) ?? 1
                guard count >= 1, count <= min(column, rows[last].width - 1) else {
                    violation = "ESC [ \(parameter) D from column \(column) leaves the row"
                    return
                }
                column = min(column, rows[last].width - 1) - count
                return
            case "K" where parameter.isEmpty:
                let last = rows.count - 1
                let from = min(column, rows[last].width - 1)
                for index in from..<rows[last].width { rows[last].cells[index] = "" }
                if from == 0 { rows[last].leading = "" }
                return
            default:
                violation = "CSI \(parameter)\(scalar)"
                return
            }
        }
        violation = "an unfinished CSI"
    }

    private mutating func forgetCluster() {
        clusterCell = nil
        tracker.reset()
    }
}
