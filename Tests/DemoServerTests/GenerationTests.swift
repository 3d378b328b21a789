import Foundation
import SSE
import TestSupport
import Testing

@testable import DemoServerKit

@Suite("Generations, retention and fault plans (no sockets)")
struct GenerationTests {
    private static func batch(_ datas: [String], generation: String = "g", from sequence: Int = 0) -> EventBatch {
        var writer = EventWriter(generationID: generation, encoder: SSEEncoder())
        var batch = EventBatch()
        for _ in 0..<sequence { writer.append(data: "skip", to: &batch) }
        batch = EventBatch()
        for data in datas { writer.append(data: data, to: &batch) }
        return batch
    }

    private static func state(_ store: GenerationStore, _ id: String) -> String {
        switch store.lookup(id) {
        case .live: "live"
        case .expired: "expired"
        case .unknown: "unknown"
        }
    }

    @Test("the log hands out events from any offset, within byte and event limits")
    func logReads() throws {
        var log = GenerationLog()
        log.append(Self.batch(["a", "bb", "ccc"]))
        log.append(Self.batch(["dddd"], from: 3))
        #expect(log.eventCount == 4)
        var parser = SSEParser()
        let all = try parser.parse(log.events(from: 0, maxBytes: .max, maxEvents: .max).bytes)
        #expect(all.map(\.data) == ["a", "bb", "ccc", "dddd"])
        #expect(all.map(\.lastEventID) == ["g-0", "g-1", "g-2", "g-3"])
        #expect(log.events(from: 1, maxBytes: 1, maxEvents: .max).count == 1)
        #expect(log.events(from: 1, maxBytes: .max, maxEvents: 2).count == 2)
        #expect(log.events(from: 4, maxBytes: .max, maxEvents: .max).isEmpty)
    }

    @Test("event data with line ends survives the wire: plain tokens like \"\\n\\n\" and \" word\"")
    func plainTokensRoundTrip() throws {
        let tokens = ["\n", "\n\n", " word", "  two", "日", "🚀", "\r\n"]
        var parser = SSEParser()
        let events = try parser.parse(Self.batch(tokens).bytes)
        #expect(events.map(\.data) == tokens.map { $0.replacingOccurrences(of: "\r\n", with: "\n") })
    }

    @Test("drop after N events, at a boundary or mid-event")
    func dropPlan() {
        var plan = StreamFaultPlan(faults: DemoFaults(dropAfterEvents: 3), connection: 0)
        #expect(plan.plan(ready: 2) == (2, nil))
        #expect(plan.plan(ready: 5) == (1, .drop))
        var mid = StreamFaultPlan(faults: DemoFaults(dropAfterEvents: 0, dropMidEvent: true), connection: 0)
        #expect(mid.plan(ready: 4) == (0, .dropMidEvent))
    }

    @Test("a stall comes once, after the configured number of events")
    func stallPlan() {
        var plan = StreamFaultPlan(faults: DemoFaults(stallMilliseconds: 250, stallAfterEvents: 2), connection: 0)
        #expect(plan.plan(ready: 5) == (2, .stall(.milliseconds(250))))
        #expect(plan.plan(ready: 3) == (3, nil))
        #expect(plan.plan(ready: 3) == (3, nil))
    }

    @Test("random drops repeat for the same seed and connection, and differ between connections")
    func randomDrops() {
        func drops(seed: UInt64, connection: UInt64) -> [Int] {
            var plan = StreamFaultPlan(faults: DemoFaults(dropProbability: 0.2, seed: seed), connection: connection)
            var sent = 0
            var positions: [Int] = []
            for _ in 0..<50 {
                let (count, action) = plan.plan(ready: 10)
                sent += count
                if action == .drop { positions.append(sent) }
            }
            return positions
        }
        #expect(drops(seed: 7, connection: 1) == drops(seed: 7, connection: 1))
        #expect(drops(seed: 7, connection: 1) != drops(seed: 7, connection: 2))
        #expect(!drops(seed: 7, connection: 1).isEmpty)
    }

    @Test("chunking cuts land where each mode says", arguments: DemoChunking.allCases)
    func chunkingCuts(mode: DemoChunking) throws {
        let encoder = SSEEncoder(lineEnding: mode == .midCRLF ? .crlf : .lf)
        var writer = EventWriter(generationID: "g", encoder: encoder)
        var batch = EventBatch()
        for token in [" hello", "日本語", "🚀 go"] { writer.append(data: token, to: &batch) }
        var plan = StreamFaultPlan(faults: DemoFaults(seed: 3, chunking: mode), connection: 0)
        let cuts = plan.cuts(in: batch)
        #expect(cuts == cuts.sorted())
        #expect(cuts.allSatisfy { $0 > 0 && $0 < batch.bytes.count })
        let bytes = batch.bytes
        switch mode {
        case .none:
            #expect(cuts.isEmpty)
        case .midLine:
            #expect(cuts.count == 6)  // an id line and a data line per event
            #expect(cuts.allSatisfy { bytes[$0 - 1] != 0x0A && bytes[$0] != 0x0A })
        case .midCRLF:
            #expect(cuts.count == 9)
            #expect(cuts.allSatisfy { bytes[$0 - 1] == 0x0D && bytes[$0] == 0x0A })
        case .midUTF8:
            #expect(cuts.count == 3)
            #expect(cuts.dropFirst().allSatisfy { bytes[$0] & 0xC0 == 0x80 })
        case .random:
            #expect(cuts.count >= 3)
        }
        // However the bytes are cut, the parser sees the same events.
        var parser = SSEParser()
        var events: [ServerSentEvent] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            events += try parser.parse(bytes[start..<cut])
            start = cut
        }
        #expect(events.map(\.data) == [" hello", "日本語", "🚀 go"])
    }

    @Test("a waiting reader wakes when events arrive and when the generation finishes")
    func waiting() async {
        let generation = Generation(id: "g", kind: .openAI)
        async let woke: Void = generation.waitForEvents(beyond: 0)
        generation.append(Self.batch(["x"]))
        await woke
        #expect(generation.eventCount == 1)
        async let finished: Void = generation.waitForEvents(beyond: 1)
        generation.finish()
        await finished
        let end = generation.read(from: 1, maxBytes: .max, maxEvents: .max)
        #expect({ if case .finished = end { true } else { false } }(), "expected the end, got \(end)")
        #expect(generation.isFinished)
    }

    @Test("a cancelled reader stops waiting")
    func cancelledWait() async {
        let generation = Generation(id: "g", kind: .plain)
        let task = Task { await generation.waitForEvents(beyond: 0) }
        task.cancel()
        await task.value
        #expect(generation.eventCount == 0)
    }

    @Test("a finished reply is dropped after the retention time, then reported expired")
    func retention() async {
        let clock = ManualClock()
        let store = GenerationStore(retention: .seconds(300), clock: clock)
        let generation = Generation(id: "kept", kind: .openAI)
        store.start(generation) { $0.append(Self.batch(["only"])) }
        await clock.waitForSleepers(1)
        #expect(Self.state(store, "kept") == "live")
        clock.advance(by: .seconds(299))
        #expect(Self.state(store, "kept") == "live")
        clock.advance(by: .seconds(1))
        try? await waitUntil { Self.state(store, "kept") == "expired" }
        #expect(Self.state(store, "kept") == "expired")
        #expect(Self.state(store, "never") == "unknown")
        await store.stop()
    }

    @Test("a reply nobody reads any more is abandoned after the retention time")
    func abandonment() async {
        let clock = ManualClock()
        let store = GenerationStore(retention: .seconds(60), clock: clock)
        let generation = Generation(id: "slow", kind: .openAI)
        let producer = DemoProducer(tokensPerSecond: 0.001, clock: clock)
        let events = ReplyEvents.plain(DemoReply(prompt: "slow", replyTokens: 5, maxTokens: nil))
        let writer = EventWriter(generationID: "slow", encoder: SSEEncoder())
        store.start(generation) { await producer.run(events, into: $0, writer: writer) }
        generation.attachReader()
        generation.detachReader(retention: .seconds(60), clock: clock)
        await clock.waitForSleepers(2)  // the producer's next token and the abandon timer
        clock.advance(by: .seconds(60))
        try? await waitUntil { Self.state(store, "slow") == "expired" }
        #expect(generation.isFinished)
        #expect(generation.eventCount == 1)  // only the opening `thinking` event was produced
        #expect(Self.state(store, "slow") == "expired")
        await store.stop()
    }
}
