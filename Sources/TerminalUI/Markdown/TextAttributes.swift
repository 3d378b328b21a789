/// The character attributes a Markdown span gives its text, and the SGR sequence that sets exactly them.
///
/// Every change writes the whole set after a reset (`ESC[0;1;3m`), so spans may open and close in any order and a
/// row's prefix (quote bars) can be written between them without disturbing them.
///
/// ```
///  strong 1 · emphasis 3 · underline 4 (links, level-1 headings) · strikethrough 9 · dim 2 (reasoning, quotes)
///  code 36 (cyan) · link 34 (blue) · heading 1 (+ 4 at level 1) · label 2 (code block language)
/// ```
struct TextAttributes: OptionSet, Sendable, Hashable {
    let rawValue: UInt16

    static let strong = TextAttributes(rawValue: 1 << 0)
    static let emphasis = TextAttributes(rawValue: 1 << 1)
    static let underline = TextAttributes(rawValue: 1 << 2)
    static let strikethrough = TextAttributes(rawValue: 1 << 3)
    static let dim = TextAttributes(rawValue: 1 << 4)
    static let code = TextAttributes(rawValue: 1 << 5)
    static let link = TextAttributes(rawValue: 1 << 6)

    /// The SGR sequence that turns every attribute off and then these on.
    var sequence: [UInt8] { Self.sequences[Int(rawValue & 0x7F)] }

    /// `sequence` for each of the 128 sets, built once.
    private static let sequences = (0..<128).map { TextAttributes(rawValue: UInt16($0)).withSequence { Array($0) } }

    /// Calls `body` with `sequence` built on the stack: where a style changes at almost every span, reading the
    /// built array would retain and release it each time.
    @inline(__always)
    func withSequence<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var count = 0
            func put(_ parameter: UInt8, _ second: UInt8? = nil) {
                buffer[count] = 0x3B  // ;
                buffer[count + 1] = parameter
                count += 2
                if let second {
                    buffer[count] = second
                    count += 1
                }
            }
            buffer[0] = 0x1B  // ESC [ 0
            buffer[1] = 0x5B
            buffer[2] = 0x30
            count = 3
            if contains(.strong) { put(0x31) }
            if contains(.dim) { put(0x32) }
            if contains(.emphasis) { put(0x33) }
            if contains(.underline) || contains(.link) { put(0x34) }
            if contains(.strikethrough) { put(0x39) }
            if contains(.code) {
                put(0x33, 0x36)  // ;36
            } else if contains(.link) {
                put(0x33, 0x34)  // ;34
            }
            buffer[count] = 0x6D  // m
            return body(UnsafeBufferPointer(rebasing: buffer[...count]))
        }
    }
}
