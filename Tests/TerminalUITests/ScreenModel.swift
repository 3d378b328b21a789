@testable import TerminalUI

/// A tiny terminal for tests: applies printable characters, LF (as CR LF, like a tty's `onlcr`), `ESC [ n D`
/// (cursor left), `ESC [ K` (erase to the end of the line) and ignores SGR, the way xterm does, including its
/// pending wrap: after the last cell of a line is written the cursor stays on that cell until the next character.
///
/// It also applies CR, TAB (to the next multiple of 8), `ESC [ 2 K` (erase the row) and ignores OSC 8 hyperlinks.
/// Anything else, and any write that would need the terminal to wrap a line by itself, is recorded in
/// ``violations``, so a test can assert that no line was ever wider than the width — unless the model was made with
/// `autowrap`, where such a write continues on the next row, as a terminal does with a long code line, and
/// ``joinedLines`` joins the rows a line wrapped onto (as `tmux capture-pane -J` does).
struct ScreenModel {
    /// A cell: the characters drawn in it, `""` when blank, `nil` for the right half of a wide character.
    typealias Cell = String?

    let width: Int
    private(set) var rows: [[Cell]] = []
    private(set) var row = 0
    /// The cursor's column; `width` means the pending wrap on the last cell.
    private(set) var column = 0
    private(set) var violations: [String] = []
    private var lastCell: Int?
    private var tracker = GraphemeWidthTracker()
    private let autowrap: Bool
    /// The rows that continue the row before them (a line the terminal wrapped).
    private(set) var continued: Set<Int> = []

    init(width: Int, autowrap: Bool = false) {
        self.width = width
        self.autowrap = autowrap
        rows = [Self.blankRow(width)]
    }

    /// The lines, with the rows a line wrapped onto joined to it (a wrapped row keeps its trailing blanks, as
    /// `tmux capture-pane -J` does).
    var joinedLines: [String] {
        var result: [String] = []
        for (index, trimmed) in lines.enumerated() {
            let text =
                continued.contains(index + 1)
                ? rows[index].compactMap { $0.map { $0.isEmpty ? " " : $0 } }.joined() : trimmed
            if continued.contains(index), !result.isEmpty {
                result[result.count - 1] += text
            } else {
                result.append(text)
            }
        }
        return result
    }

    /// A model with `bytes` applied.
    static func screen(_ bytes: [UInt8], width: Int, autowrap: Bool = false) -> ScreenModel {
        var model = ScreenModel(width: width, autowrap: autowrap)
        model.apply(bytes)
        return model
    }

    /// The visible lines, blanks as spaces, trailing blanks dropped.
    var lines: [String] {
        rows.map { cells in
            var line = cells.compactMap { $0.map { $0.isEmpty ? " " : $0 } }.joined()
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// Applies bytes written to the terminal (whole UTF-8 sequences).
    mutating func apply(_ bytes: [UInt8]) {
        var scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\n":
                row += 1
                column = 0
                if row == rows.count { rows.append(Self.blankRow(width)) }
                forgetCluster()
            case "\u{1B}":
                applyEscape(&scalars)
                forgetCluster()
            case "\r":
                column = 0
                forgetCluster()
            case "\t":
                let stop = min(width, (column / 8 + 1) * 8)
                while column < stop {
                    rows[row][column] = " "
                    column += 1
                }
                forgetCluster()
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    violations.append("control U+\(String(scalar.value, radix: 16))")
                } else {
                    put(scalar)
                }
            }
        }
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        let measure = tracker.measure(scalar)
        if measure.extendsCluster, let lastCell {
            rows[row][lastCell]? += String(scalar)
            occupy(measure.cells, at: column)
            return
        }
        guard measure.cells > 0 else {
            violations.append("zero-width U+\(String(scalar.value, radix: 16)) with nothing to attach to")
            return
        }
        if column == width || autowrap && column + measure.cells > width {
            guard autowrap else {
                violations.append("line \(row) wraps at \(String(scalar)): \(lines[row])")
                return
            }
            row += 1
            column = 0
            if row == rows.count { rows.append(Self.blankRow(width)) }
            continued.insert(row)
        }
        rows[row][column] = String(scalar)
        lastCell = column
        occupy(measure.cells - 1, at: column + 1)
    }

    /// Marks `count` cells from `start` as continuations and moves the cursor past them and the cell before.
    private mutating func occupy(_ count: Int, at start: Int) {
        if start + count > width {
            violations.append("line \(row) is wider than \(width): \(lines[row])")
            column = width
            return
        }
        for index in start..<(start + count) { rows[row][index] = nil }
        column = start + count
    }

    private mutating func applyEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        let introducer = scalars.next()
        if introducer == "]" {
            applyOSC(&scalars)
            return
        }
        guard introducer == "[" else {
            violations.append("escape other than CSI")
            return
        }
        var parameters = ""
        while let scalar = scalars.next() {
            guard (0x40...0x7E).contains(scalar.value) else {
                parameters.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "m":
                return
            case "D":
                let count = max(Int(parameters) ?? 1, 1)
                column = max(0, min(column, width - 1) - count)
            case "C":
                let count = max(Int(parameters) ?? 1, 1)
                column = min(column + count, width - 1)
            case "K" where parameters.isEmpty || parameters == "0":
                for index in min(column, width - 1)..<width { rows[row][index] = "" }
            case "K" where parameters == "2":
                rows[row] = Self.blankRow(width)
            default:
                violations.append("CSI \(parameters)\(scalar)")
            }
            return
        }
    }

    /// An OSC 8 hyperlink (`ESC ] 8 ; params ; URI ST`) is allowed and takes no cells; any other OSC is not.
    private mutating func applyOSC(_ scalars: inout String.UnicodeScalarView.Iterator) {
        var body = ""
        while let scalar = scalars.next() {
            if scalar == "\u{07}" { break }
            if scalar == "\u{1B}" {
                _ = scalars.next()  // the "\\" of ST
                break
            }
            body.unicodeScalars.append(scalar)
        }
        if !body.hasPrefix("8;") { violations.append("OSC \(body.prefix(4))") }
    }

    private mutating func forgetCluster() {
        lastCell = nil
        tracker.reset()
    }

    private static func blankRow(_ width: Int) -> [Cell] {
        Array(repeating: "", count: width)
    }
}
