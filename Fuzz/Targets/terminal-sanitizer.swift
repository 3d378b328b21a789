/// Oracle: `TerminalSanitizer` output holds no ESC, no other C0 control but LF and TAB, no DEL and no C1
/// (U+0080–U+009F), whatever the input and however it is split into deltas; text without any sequence
/// introducer comes out as the input minus those controls; and past its bound a sequence stops swallowing text.
///
/// Input layout:
///
/// ```
///  byte 0   bits 0-1: bounds (maxSequenceLength, maxStringLength) = (256, 16384) the default, (2, 3), (4, 8),
///           (16, 64)   bits 2-7: seed for the random splitting
///  rest     the text, decoded as UTF-8 with invalid bytes replaced by U+FFFD (deltas are Strings)
/// ```
///
/// Bound check: in a stretch of input with no ESC and no C1 scalar, nothing can open a sequence, so once one
/// printable scalar of the stretch passes, every later printable one must, and every printable scalar more than
/// `max(bounds) + 2` scalars into the stretch must pass (ESC `[` or ESC `]` may restart the count once).
import TerminalUI

private let bounds = [(256, 16_384), (2, 3), (4, 8), (16, 64)]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count >= 1 else { return 0 }
    let input = UnsafeRawBufferPointer(start: start, count: count)
    let (maxSequence, maxString) = bounds[Int(input[0] & 0x3)]
    let text = String(decoding: input[1...], as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    let fresh = { TerminalSanitizer(maxSequenceLength: maxSequence, maxStringLength: maxString) }

    // Whole, and scalar by scalar with the pass/drop decision of each.
    var sanitizer = fresh()
    let whole = sanitizer.sanitize(text)
    let endsInside = probe(sanitizer)
    for scalar in whole.unicodeScalars {
        fuzzRequire(isAllowed(scalar), "U+\(String(scalar.value, radix: 16)) in output of \(text.debugDescription)")
    }
    var stepper = fresh()
    let passed = scalars.map { stepper.passes($0) }
    fuzzRequire(
        String(String.UnicodeScalarView(zip(scalars, passed).compactMap { $1 ? $0 : nil })) == whole,
        "passes(_:) ≠ sanitize(_:) for \(text.debugDescription)"
    )

    // Split into deltas: one per scalar, and random pieces; both output forms.
    var generator = FuzzGenerator(seed: UInt64(input[0] >> 2) | UInt64(count) << 8)
    for mode in 1...2 {
        var split = fresh()
        var pieces = ""
        var bytes: [UInt8] = []
        for range in FuzzSplit.ranges(count: scalars.count, mode: mode, generator: &generator) {
            var delta = String(String.UnicodeScalarView(scalars[range]))
            if mode == 1 {
                pieces += split.sanitize(delta)
            } else {
                delta.withUTF8 { split.sanitize(utf8: $0, into: &bytes) }
            }
        }
        let output = mode == 1 ? pieces : String(decoding: bytes, as: UTF8.self)
        fuzzRequire(output == whole, "split mode \(mode): \(output.debugDescription) ≠ \(whole.debugDescription)")
        fuzzRequire(probe(split) == endsInside, "split mode \(mode) ends in another state")
    }

    // Text that cannot open a sequence is kept as it is, minus the controls.
    if !scalars.contains(where: isIntroducer) {
        let expected = String(String.UnicodeScalarView(scalars.filter(isAllowed)))
        fuzzRequire(whole == expected, "plain text changed: \(whole.debugDescription) ≠ \(expected.debugDescription)")
    }

    // A sequence cannot swallow the text after its bound.
    let bound = max(maxSequence, maxString) + 2
    var offset = 0
    var printing = false
    for (scalar, didPass) in zip(scalars, passed) {
        if isIntroducer(scalar) {
            offset = 0
            printing = false
            continue
        }
        offset += 1
        guard isPrintable(scalar) else { continue }
        fuzzRequire(!printing || didPass, "text dropped after text was printed, at \(text.debugDescription)")
        fuzzRequire(offset <= bound || didPass, "text \(offset) scalars past an opener dropped (bound \(bound))")
        printing = printing || didPass
    }

    // After reset() the next text is plain; singleLine has no LF or TAB either.
    sanitizer.reset()
    fuzzRequire(sanitizer.sanitize("ok") == "ok", "reset() left a sequence open")
    let single = TerminalSanitizer.singleLine(text)
    for scalar in single.unicodeScalars {
        fuzzRequire(isAllowed(scalar) && scalar != "\n" && scalar != "\t", "singleLine kept U+\(scalar.value)")
    }
    if maxSequence == 256 {
        let spaced = whole.unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 }
        let expected = String(String.UnicodeScalarView(spaced))
        fuzzRequire(single == expected, "singleLine \(single.debugDescription) ≠ \(expected.debugDescription)")
    }
    return 0
}

/// What the sanitiser's doc table keeps: LF, TAB and everything that is not C0, DEL or C1.
private func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\n" || scalar == "\t" || isPrintable(scalar)
}

private func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    (0x20..<0x7F).contains(scalar.value) || scalar.value >= 0xA0
}

/// ESC and the C1 scalars: the only ones that can start a sequence.
private func isIntroducer(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value == 0x1B || (0x80...0x9F).contains(scalar.value)
}

/// The end state of a sanitiser, seen through its output: what a copy of it makes of the same probe text (a sequence
/// still open swallows some of it).
func probe(_ sanitizer: TerminalSanitizer) -> String {
    var copy = sanitizer
    return copy.sanitize("probe;m")
}
