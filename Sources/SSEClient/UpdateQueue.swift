/// The updates a driver has produced and not yet handed out, in order: filled a batch at a time (the events of one
/// network read), emptied one `next()` at a time, with its storage reused.
///
/// Public and inlinable, so each driver gets it specialised for its element: unspecialised, it copied and destroyed
/// every update through value witnesses and looked up type metadata on every call (a tenth of a fast reply's consumer
/// time). It must be `public`: the compiler does not specialise an `@inlinable public` declaration in another module.
/// `next()` moves the update out rather than copying it.
public struct UpdateQueue<Element: Sendable>: Sendable {
    @usableFromInline var items: [Element?] = []
    @usableFromInline var head = 0

    /// An empty queue.
    @inlinable public init() {}

    /// Whether an update is waiting.
    @inlinable public var isEmpty: Bool { head == items.count }

    /// Adds an update at the end.
    @inlinable public mutating func append(_ element: consuming Element) {
        items.append(element)
    }

    /// Where the next `append` puts its update: a position for `insert(_:at:)`.
    @inlinable public var endIndex: Int { items.count }

    /// Inserts an update before those appended since `endIndex` was `position` (nothing may be taken out between).
    @inlinable public mutating func insert(_ element: Element, at position: Int) {
        precondition(position >= head && position <= items.count)
        items.insert(element, at: position)
    }

    /// The oldest update, or `nil` when none is waiting (the storage is then reset for the next batch).
    @inlinable public mutating func next() -> Element? {
        guard head < items.count else {
            if head > 0 {
                items.removeAll(keepingCapacity: true)
                head = 0
            }
            return nil
        }
        defer { head += 1 }
        return items[head].take()
    }
}
