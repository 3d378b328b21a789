/// The updates a driver has produced and not yet handed out, in order: filled a batch at a time (the events of one
/// network read), emptied one `next()` at a time, with its storage reused.
package struct UpdateQueue<Element: Sendable>: Sendable {
    private var items: [Element] = []
    private var head = 0

    /// An empty queue.
    package init() {}

    /// Whether an update is waiting.
    package var isEmpty: Bool { head == items.count }

    /// Adds an update at the end.
    package mutating func append(_ element: Element) {
        items.append(element)
    }

    /// The oldest update, or `nil` when none is waiting (the storage is then reset for the next batch).
    package mutating func next() -> Element? {
        guard head < items.count else {
            items.removeAll(keepingCapacity: true)
            head = 0
            return nil
        }
        defer { head += 1 }
        return items[head]
    }
}
