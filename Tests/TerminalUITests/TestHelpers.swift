import TestSupport

@testable import TerminalUI

enum Split {
    /// The text cut into deltas at random scalar offsets (never inside a scalar: deltas are `String`s).
    static func random(_ text: String, seed: UInt64, maxPiece: Int = 7) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let scalars = Array(text.unicodeScalars)
        var pieces: [String] = []
        var index = 0
        while index < scalars.count {
            let length = Int.random(in: 1...maxPiece, using: &generator)
            let end = min(index + length, scalars.count)
            pieces.append(string(scalars[index..<end]))
            index = end
        }
        return pieces
    }

    /// One delta per scalar.
    static func scalars(_ text: String) -> [String] {
        text.unicodeScalars.map { String($0) }
    }

    /// Two deltas, cut at a scalar offset.
    static func at(_ offset: Int, _ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return [string(scalars[..<offset]), string(scalars[offset...])]
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

enum Screen {
    /// The text of the bytes with SGR sequences removed, split into lines.
    static func lines(_ bytes: [UInt8]) -> [String] {
        let text = stripSGR(String(decoding: bytes, as: UTF8.self))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" {
            lines.removeLast()
        }
        return lines
    }

    /// Removes `ESC [ digits ; … m`.
    static func stripSGR(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var inSGR = false
        var afterEscape = false
        for scalar in text.unicodeScalars {
            if inSGR {
                if scalar == "m" {
                    inSGR = false
                }
                continue
            }
            if afterEscape {
                afterEscape = false
                if scalar == "[" {
                    inSGR = true
                    continue
                }
            }
            if scalar == "\u{1B}" {
                afterEscape = true
                continue
            }
            result.append(scalar)
        }
        return String(result)
    }
}

extension Typewriter {
    /// Renders deltas of one kind and finishes.
    static func output(_ deltas: [String], width: Int, kind: DeltaKind = .answer, color: Bool = false) -> [UInt8] {
        var typewriter = Typewriter(mode: .terminal, width: width, color: color)
        var output: [UInt8] = []
        for delta in deltas {
            typewriter.render(delta, kind: kind, into: &output)
        }
        typewriter.finish(into: &output)
        return output
    }
}

/// Whether a string holds anything a terminal would act on instead of printing.
func holdsControls(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
        let value = scalar.value
        return (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
    }
}
