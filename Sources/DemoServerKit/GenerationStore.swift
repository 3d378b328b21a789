import Synchronization

/// The replies a server holds, live or finished, by generation id, and the ids it has already let go.
///
/// `start` runs a producer for a new generation in its own task, independent of any connection; when the producer
/// is done the reply stays for the retention time and is then dropped. A dropped id is remembered (up to a cap),
/// so a late resume gets "expired" rather than "unknown".
final class GenerationStore: Sendable {
    /// What a lookup found.
    enum Lookup: Sendable {
        case live(Generation)
        case expired
        case unknown
    }

    private struct State {
        var live: [String: Generation] = [:]
        var expired: Set<String> = []
        var expiredOrder: [String] = []
        var tasks: [String: Task<Void, Never>] = [:]
        var stopped = false
    }

    private let state = Mutex(State())
    private let retention: Duration
    private let clock: any Clock<Duration>
    /// How many dropped ids are remembered as expired.
    static let expiredMemory = 10_000

    /// Creates an empty store.
    /// - Parameters:
    ///   - retention: How long a finished reply stays.
    ///   - clock: The clock retention is measured on.
    init(retention: Duration, clock: any Clock<Duration>) {
        self.retention = retention
        self.clock = clock
    }

    /// Registers a new generation and runs `produce` for it in a task of its own.
    /// - Parameters:
    ///   - generation: The new generation.
    ///   - produce: Appends the reply's events; the generation is finished when it returns.
    /// - Returns: `false` when the store is stopped (nothing was started).
    @discardableResult
    func start(_ generation: Generation, produce: @escaping @Sendable (Generation) async -> Void) -> Bool {
        state.withLock { state in
            guard !state.stopped else { return false }
            state.live[generation.id] = generation
            let task = Task { [retention, clock] in
                await produce(generation)
                generation.finish()
                try? await clock.sleep(for: retention)
                self.expire(generation.id)
            }
            state.tasks[generation.id] = task
            generation.setProducer(task)
            return true
        }
    }

    /// Finds a generation by id.
    func lookup(_ id: String) -> Lookup {
        state.withLock { state in
            if let generation = state.live[id] { return .live(generation) }
            return state.expired.contains(id) ? .expired : .unknown
        }
    }

    /// Drops a generation now; later lookups say `.expired`.
    func expire(_ id: String) {
        state.withLock { state in
            guard state.live.removeValue(forKey: id) != nil else { return }
            state.tasks[id] = nil
            state.expired.insert(id)
            state.expiredOrder.append(id)
            if state.expiredOrder.count > Self.expiredMemory {
                let forget = state.expiredOrder.count - Self.expiredMemory / 2
                for old in state.expiredOrder[0..<forget] { state.expired.remove(old) }
                state.expiredOrder.removeFirst(forget)
            }
        }
    }

    /// Cancels every producer and drops every generation; no new one can start.
    func stop() async {
        let (generations, tasks) = state.withLock { state in
            state.stopped = true
            defer {
                state.live.removeAll()
                state.tasks.removeAll()
            }
            return (Array(state.live.values), Array(state.tasks.values))
        }
        for generation in generations { generation.cancel() }
        for task in tasks {
            task.cancel()
            await task.value
        }
    }
}
