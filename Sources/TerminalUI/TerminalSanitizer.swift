/// Neutralises terminal control sequences in untrusted text (model replies, server messages) before it reaches a
/// TTY. Streaming: a sequence split across deltas is still recognised.
///
/// Everything that could make the terminal do something other than print is **dropped entirely**, with no marker:
///
/// ```
///  ESC [ params intermediates final          CSI: colours, cursor moves, erase, modes     dropped
///  ESC ] … BEL | ESC \ | U+009C              OSC: titles, OSC 8 links, OSC 52 clipboard  dropped
///  ESC P / X / ^ / _  … ESC \ | BEL | U+009C  DCS, SOS, PM, APC strings                  dropped
///  ESC intermediates final                   two-byte and nF escapes (ESC c, ESC 7, …)   dropped
///  U+009B, U+009D, U+0090, U+0098, U+009E/F  8-bit CSI, OSC, DCS, SOS, PM, APC           dropped with their body
///  other C1 (U+0080–U+009F), other C0, DEL   BEL, BS, CR, VT, FF, NUL, …                 dropped
///  LF, TAB, everything else                                                              kept
/// ```
///
/// Every CR is dropped, so CRLF becomes LF and a bare CR cannot overwrite a line. CAN or SUB cancels a sequence, as
/// in a terminal. A sequence ends early when it grows past its bound (`maxSequenceLength` scalars for an escape or
/// CSI, `maxStringLength` for a string), so a never-terminated OSC cannot swallow the rest of the reply: what
/// follows the bound is printed as text (still filtered). Nothing is buffered; the state is a few bytes.
package struct TerminalSanitizer: Sendable {
    private enum State: UInt8, Sendable {
        case ground, escape, escapeIntermediate, controlSequence, controlString, controlStringEscape
    }

    /// The most scalars an escape or control sequence may have before it is abandoned.
    package let maxSequenceLength: Int
    /// The most scalars a control string (OSC, DCS, SOS, PM, APC) may have before it is abandoned.
    package let maxStringLength: Int

    private var state = State.ground
    private var length = 0

    /// Creates a sanitiser in its ground state.
    /// - Parameters:
    ///   - maxSequenceLength: The bound on escape and CSI sequences, in scalars.
    ///   - maxStringLength: The bound on OSC, DCS, SOS, PM and APC strings, in scalars.
    package init(maxSequenceLength: Int = 256, maxStringLength: Int = 16_384) {
        self.maxSequenceLength = maxSequenceLength
        self.maxStringLength = maxStringLength
    }

    /// Forgets any sequence in progress (at the end of a reply).
    package mutating func reset() {
        state = .ground
        length = 0
    }

    /// Whether printable ASCII (U+0020–U+007E) passes now, leaving the state as it is: no sequence is in progress.
    package var passesPrintableASCII: Bool { state == .ground }

    /// Feeds the next scalar and tells whether it may be printed.
    /// - Parameter scalar: The next scalar of the text.
    /// - Returns: `true` when the scalar is printable text, `false` when it is dropped.
    @inline(__always)
    package mutating func passes(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if state == .ground && ((value >= 0x20 && value < 0x7F) || value >= 0xA0) {
            return true
        }
        return passesSlow(value)
    }

    /// Sanitises a whole piece of text, continuing any sequence left open by the previous call.
    /// - Parameter text: The next delta.
    /// - Returns: The printable part of it.
    package mutating func sanitize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where passes(scalar) {
            result.append(scalar)
        }
        return String(result)
    }

    /// Sanitises UTF-8 text and appends its printable part.
    /// - Parameters:
    ///   - bytes: The next delta's UTF-8 (valid: a `String`'s, or several joined).
    ///   - output: The buffer to append to.
    package mutating func sanitize(utf8 bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            let (scalar, length) = bytes.scalar(at: index)
            if passes(scalar) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
            }
            index += length
        }
    }

    /// Sanitises a complete piece of text for a single line (a status or error message): control sequences removed,
    /// newlines and tabs turned into spaces.
    /// - Parameter text: The text, from any source.
    /// - Returns: The printable text on one line.
    package static func singleLine(_ text: String) -> String {
        if text.utf8.allSatisfy(\.isPrintableASCII) { return text }  // nothing to drop or replace
        var sanitizer = TerminalSanitizer()
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where sanitizer.passes(scalar) {
            result.append(scalar.value == 0x0A || scalar.value == 0x09 ? " " : scalar)
        }
        return String(result)
    }

    private mutating func passesSlow(_ value: UInt32) -> Bool {
        if state == .ground {
            return ground(value)
        }
        length += 1
        if value == 0x18 || value == 0x1A {  // CAN, SUB
            state = .ground
            return false
        }
        switch state {
        case .ground:
            return ground(value)
        case .escape:
            return escape(value)
        case .escapeIntermediate:
            switch value {
            case 0x20...0x2F: state = length > maxSequenceLength ? .ground : .escapeIntermediate
            case 0x30...0x7E: state = .ground
            case 0x1B: enter(.escape)
            default:
                state = .ground
                return ground(value)
            }
            return false
        case .controlSequence:
            switch value {
            case 0x20...0x3F: state = length > maxSequenceLength ? .ground : .controlSequence
            case 0x40...0x7E: state = .ground
            case 0x1B: enter(.escape)
            default:
                state = .ground
                return ground(value)
            }
            return false
        case .controlString:
            switch value {
            case 0x07, 0x9C: state = .ground
            case 0x1B: state = .controlStringEscape
            default: state = length > maxStringLength ? .ground : .controlString
            }
            return false
        case .controlStringEscape:
            if value == 0x5C {  // ESC \ is ST
                state = .ground
                return false
            }
            enter(.escape)  // any other ESC ends the string and starts a new sequence
            return escape(value)
        }
    }

    private mutating func escape(_ value: UInt32) -> Bool {
        switch value {
        case 0x5B: enter(.controlSequence)  // [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: enter(.controlString)  // ] P X ^ _
        case 0x20...0x2F: state = .escapeIntermediate
        case 0x30...0x7E: state = .ground
        case 0x1B: enter(.escape)
        default:
            state = .ground
            return ground(value)
        }
        return false
    }

    private mutating func ground(_ value: UInt32) -> Bool {
        switch value {
        case 0x0A, 0x09, 0x20..<0x7F, 0xA0...:
            return true
        case 0x1B:
            enter(.escape)
        case 0x9B:
            enter(.controlSequence)
        case 0x9D, 0x90, 0x98, 0x9E, 0x9F:
            enter(.controlString)
        default:
            break  // other C0 (CR, BEL, BS, NUL, …), DEL, other C1
        }
        return false
    }

    @inline(__always)
    private mutating func enter(_ newState: State) {
        state = newState
        length = 0
    }
}
