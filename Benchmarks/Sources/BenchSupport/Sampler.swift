/// Runs a piece of work several times and keeps each run's wall time, CPU time and heap allocation count.
///
/// The machine is shared and noisy, so figures are the median of the runs; the minimum and maximum show the spread.
/// The thread's CPU time leaves out the time the thread waited for a core, so it varies less with the load than the
/// wall time (caches and memory bandwidth are still shared).
package struct Sampler {
    /// One run's cost.
    package struct Sample: Sendable {
        /// Wall time on `ContinuousClock`.
        package var duration: Duration
        /// CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), in seconds.
        package var cpuSeconds: Double
        /// Heap allocations made by the process during the run.
        package var allocations: UInt64
    }

    /// How many timed runs to make.
    package let runs: Int
    /// How many untimed runs to make first.
    package let warmUpRuns: Int

    /// Creates a sampler.
    /// - Parameters:
    ///   - runs: The number of timed runs (at least 1).
    ///   - warmUpRuns: The number of untimed runs made first.
    package init(runs: Int, warmUpRuns: Int = 1) {
        self.runs = max(1, runs)
        self.warmUpRuns = max(0, warmUpRuns)
    }

    /// Runs `work` `warmUpRuns + runs` times and measures the last `runs`.
    /// - Parameter work: The work to measure; its result is kept alive so the optimizer cannot drop the work.
    /// - Returns: The samples of the timed runs, and the result of the last run.
    /// - Throws: Rethrows `work`'s errors.
    package func measure<Result, Failure: Error>(
        _ work: () throws(Failure) -> Result
    ) throws(Failure) -> Summary<Result> {
        for _ in 0..<warmUpRuns { blackHole(try work()) }
        let clock = ContinuousClock()
        func timedRun() throws(Failure) -> (Result, Sample) {
            let allocationsBefore = AllocationCounter.allocations
            let cpuStart = ThreadCPUClock.seconds
            let start = clock.now
            let result = try work()
            let duration = start.duration(to: clock.now)
            let sample = Sample(
                duration: duration,
                cpuSeconds: ThreadCPUClock.seconds - cpuStart,
                allocations: AllocationCounter.allocations - allocationsBefore
            )
            return (result, sample)
        }
        var (last, first) = try timedRun()
        var samples = [first]
        samples.reserveCapacity(runs)
        for _ in 1..<runs {
            let (result, sample) = try timedRun()
            last = result
            samples.append(sample)
        }
        return Summary(samples: samples, result: last)
    }
}

/// Keeps a value alive as far as the optimizer can tell, so work producing it is not removed.
/// - Parameter value: The value to consume.
@inline(never)
package func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// The samples of a measurement and the work's result.
package struct Summary<Result> {
    /// One sample per timed run, in run order.
    package var samples: [Sampler.Sample]
    /// What the last run returned.
    package var result: Result

    /// The median wall time in seconds (the mean of the two middle runs for an even count).
    package var medianSeconds: Double { Self.median(samples.map { $0.duration.seconds }) }
    /// The fastest run in seconds.
    package var minSeconds: Double { samples.map { $0.duration.seconds }.min() ?? 0 }
    /// The slowest run in seconds.
    package var maxSeconds: Double { samples.map { $0.duration.seconds }.max() ?? 0 }
    /// The median CPU time of the measuring thread in seconds.
    package var medianCPUSeconds: Double { Self.median(samples.map(\.cpuSeconds)) }
    /// The median allocation count of the runs.
    package var medianAllocations: Double { Self.median(samples.map { Double($0.allocations) }) }

    /// The median of `values`; 0 when empty.
    /// - Parameter values: The values.
    /// - Returns: The middle value, or the mean of the two middle values.
    package static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    package var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
