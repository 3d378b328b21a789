import Testing

@testable import TerminalUI

@Suite("Pacer")
struct PacerTests {
    private func ms(_ value: Int) -> Duration {
        .milliseconds(value)
    }

    @Test("characters flow at an even rate")
    func evenRate() {
        var pacer = Pacer(charactersPerSecond: 10)
        pacer.enqueue("abcdefghij", at: ms(0))
        #expect(pacer.release(at: ms(0)) == "a")
        #expect(pacer.nextReleaseTime == ms(100))
        #expect(pacer.release(at: ms(50)) == "")
        #expect(pacer.release(at: ms(100)) == "b")
        #expect(pacer.release(at: ms(350)) == "cd")
        #expect(pacer.release(at: ms(400)) == "e")
        #expect(pacer.backlog == 5)
        #expect(pacer.release(at: ms(5000)) == "fghij")
        #expect(pacer.nextReleaseTime == nil)
    }

    @Test("releases at 1 ms ticks are spaced 1/rate apart across irregular deltas")
    func spacing() {
        var pacer = Pacer(charactersPerSecond: 50, maximumLag: .seconds(10))
        let arrivals: [(Int, String)] = [(0, "Hello"), (30, ", "), (35, "world"), (300, "!"), (310, " Bye.")]
        var times: [Int] = []
        var next = 0
        for now in 0...2000 {
            while next < arrivals.count && arrivals[next].0 == now {
                pacer.enqueue(arrivals[next].1, at: ms(now))
                next += 1
            }
            for _ in pacer.release(at: ms(now)) {
                times.append(now)
            }
        }
        #expect(times.count == 18)
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later - earlier >= 19 && later - earlier <= 21 || later - earlier > 25, "\(times)")
        }
        #expect(times.first == 0)
    }

    @Test("a burst is spread evenly over maximumLag")
    func catchesUp() {
        var pacer = Pacer(charactersPerSecond: 10, maximumLag: .seconds(1))
        pacer.enqueue(String(repeating: "x", count: 1000), at: ms(0))
        var perTick: [Int] = []
        for now in stride(from: 0, through: 1000, by: 10) {
            perTick.append(pacer.release(at: ms(now)).count)
        }
        #expect(perTick.reduce(0, +) == 1000)
        #expect(perTick.dropFirst().allSatisfy { (8...12).contains($0) }, "\(perTick)")
    }

    @Test("no character waits longer than maximumLag, whatever arrives after it")
    func lagBound() {
        var pacer = Pacer(charactersPerSecond: 5, maximumLag: .milliseconds(500))
        var arrivals: [Int] = []  // arrival time of each queued character, in order
        var worst = 0
        for now in 0...3000 {
            if now % 100 == 0 && now <= 2000 {
                let size = now == 300 ? 400 : 3
                pacer.enqueue(String(repeating: "y", count: size), at: ms(now))
                arrivals += Array(repeating: now, count: size)
            }
            let released = pacer.release(at: ms(now)).count
            for arrival in arrivals.prefix(released) {
                worst = max(worst, now - arrival)
            }
            arrivals.removeFirst(released)
        }
        #expect(arrivals.isEmpty)
        #expect(worst <= 500)
    }

    @Test("the next release time is the steady step or the oldest deadline, whichever is sooner")
    func nextRelease() {
        var pacer = Pacer(charactersPerSecond: 1, maximumLag: .milliseconds(300))
        pacer.enqueue("ab", at: ms(0))
        #expect(pacer.release(at: ms(0)) == "a")
        let next = pacer.nextReleaseTime ?? .zero
        #expect(next > .zero && next <= ms(300))
        #expect(pacer.release(at: ms(300)) == "b")
        #expect(pacer.nextReleaseTime == nil)
    }

    @Test("after an idle gap one character may go out at once, no burst")
    func idle() {
        var pacer = Pacer(charactersPerSecond: 10)
        pacer.enqueue("ab", at: ms(0))
        #expect(pacer.release(at: ms(10_000)) == "ab")
        pacer.enqueue("cdef", at: ms(20_000))
        #expect(pacer.release(at: ms(20_000)) == "c")
        #expect(pacer.release(at: ms(20_050)) == "")
        #expect(pacer.release(at: ms(20_100)) == "d")
    }

    @Test("grapheme clusters are released whole, and drain returns the rest")
    func clustersAndDrain() {
        var pacer = Pacer(charactersPerSecond: 1)
        pacer.enqueue("👨‍👩‍👧e\u{301}🇫🇷", at: ms(0))
        #expect(pacer.release(at: ms(0)) == "👨‍👩‍👧")
        #expect(pacer.release(at: ms(1000)) == "e\u{301}")
        #expect(pacer.drain() == "🇫🇷")
        #expect(pacer.backlog == 0)
        #expect(pacer.drain() == "")
    }
}
