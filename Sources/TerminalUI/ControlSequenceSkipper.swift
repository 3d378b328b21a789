/// Recognises the control sequences `LineWrapper.appendControl` puts among a word's bytes (CSI such as SGR, and
/// OSC 8 ended by ST), scalar by scalar, so they are copied whole and take no cells.
struct ControlSequenceSkipper: Sendable {
    private enum State: Sendable {
        case text, escape, csi, osc, oscEscape
    }

    private var state = State.text

    /// Whether `scalar` belongs to a control sequence (and is to be written as it is).
    mutating func consumes(_ scalar: Unicode.Scalar) -> Bool {
        switch state {
        case .text:
            guard scalar == "\u{1B}" else { return false }
            state = .escape
        case .escape:
            state = scalar == "[" ? .csi : scalar == "]" ? .osc : .text
        case .csi:
            if (0x40...0x7E).contains(scalar.value) { state = .text }
        case .osc:
            if scalar == "\u{1B}" { state = .oscEscape } else if scalar == "\u{07}" { state = .text }
        case .oscEscape:
            state = .text
        }
        return true
    }
}
