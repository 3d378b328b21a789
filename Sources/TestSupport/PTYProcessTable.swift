import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the processes a program on a pseudo-terminal started, for tests that run it under a wrapper shell and
/// must signal the program itself rather than the shell. Linux only: reads `/proc/<pid>/stat`.
package enum PTYProcessTable {
    /// The ids of the running processes whose parent is `parent`.
    /// - Parameter parent: A process id.
    /// - Returns: Its children's ids (empty where `/proc` is not available).
    package static func children(of parent: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8)
            else { return nil }
            // "pid (comm) state ppid …"; comm may hold spaces and parentheses, so parse after the last ')'.
            guard let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, pid_t(fields[1]) == parent else { return nil }
            return pid
        }
    }

    /// Whether `processID` is a running process (it exists and has not exited: not a zombie).
    /// - Parameter processID: A process id.
    /// - Returns: `false` when `/proc/<pid>/stat` is missing or shows the process as a zombie or dead.
    package static func isRunning(_ processID: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(processID)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// Whether `signal` is pending for `processID` (generated, not yet taken by any of its threads), from the
    /// `SigPnd` and `ShdPnd` masks of `/proc/<pid>/status`; `nil` when they cannot be read.
    /// - Parameters:
    ///   - signal: A signal number.
    ///   - processID: A process id.
    /// - Returns: Whether the signal is pending.
    package static func isPending(_ signal: Int32, processID: pid_t) -> Bool? {
        guard let status = try? String(contentsOfFile: "/proc/\(processID)/status", encoding: .utf8) else { return nil }
        let bit = UInt64(1) << UInt64(signal - 1)
        var found = false
        for line in status.split(separator: "\n") where line.hasPrefix("SigPnd:") || line.hasPrefix("ShdPnd:") {
            guard let mask = UInt64(line.split(separator: "\t").last ?? "", radix: 16) else { return nil }
            if mask & bit != 0 { return true }
            found = true
        }
        return found ? false : nil
    }

    /// Waits until `signal`, sent to `processID`, has been delivered (no longer pending). For a Dispatch signal
    /// source that means libdispatch's own handler has it; the source's event handler runs right after, on its queue.
    /// - Parameters:
    ///   - signal: A signal number.
    ///   - processID: A process id.
    ///   - timeout: How long to wait.
    /// - Throws: `WaitTimeout` when it stays pending.
    package static func waitUntilDelivered(
        _ signal: Int32,
        processID: pid_t,
        timeout: Duration = .seconds(10)
    ) async throws {
        try await waitUntil(timeout: timeout) { isPending(signal, processID: processID) != true }
    }

    /// Waits until `parent` has a child whose executable is `name`.
    /// - Parameters:
    ///   - parent: The parent's process id.
    ///   - name: The child's command name as `/proc/<pid>/comm` shows it (at most 15 characters).
    ///   - timeout: How long to wait.
    /// - Returns: The child's process id.
    /// - Throws: `WaitTimeout` when no such child appears in time.
    package static func waitForChild(of parent: pid_t, named name: String, timeout: Duration = .seconds(10))
        async throws -> pid_t
    {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            for child in children(of: parent) {
                let comm = (try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8)) ?? ""
                if comm.trimmingCharacters(in: .whitespacesAndNewlines) == String(name.prefix(15)) { return child }
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw WaitTimeout()
    }
}
