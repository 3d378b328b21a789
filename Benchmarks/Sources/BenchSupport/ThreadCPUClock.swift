#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calling thread's CPU time: the time it actually ran, whatever else the machine was doing.
package enum ThreadCPUClock {
    /// The CPU time the calling thread has used so far, in seconds (0 if the clock is unavailable).
    package static var seconds: Double {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
