/// An event id of the demo server: `<generation id>-<sequence>`, e.g. `3f9a0c2d41b7e865-12`.
///
/// The generation id is 16 lowercase hex digits, unique per reply; the sequence counts the reply's events from 0.
/// A client that sends the id back as `Last-Event-ID` resumes at `sequence + 1`.
struct DemoEventID: Hashable, Sendable, CustomStringConvertible {
    /// The reply the event belongs to.
    let generation: String
    /// The event's position in the reply, from 0.
    let sequence: Int

    var description: String { "\(generation)-\(sequence)" }

    /// Creates an id.
    init(generation: String, sequence: Int) {
        self.generation = generation
        self.sequence = sequence
    }

    /// Parses `<generation>-<sequence>`; `nil` when the text is not of that shape.
    /// - Parameter text: A `Last-Event-ID` value.
    init?(parsing text: String) {
        guard let dash = text.lastIndex(of: "-") else { return nil }
        let generation = text[..<dash]
        let digits = text[text.index(after: dash)...]
        guard !generation.isEmpty, generation.utf8.count <= 64, !digits.isEmpty, digits.utf8.count <= 18,
            digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let sequence = Int(digits)
        else { return nil }
        self.generation = String(generation)
        self.sequence = sequence
    }

    /// A fresh random generation id: 16 lowercase hex digits.
    static func newGenerationID() -> String {
        var random = SystemRandomNumberGenerator()
        let value = random.next()
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
