import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs `ssechat` and exits with the documented status: usage errors exit 2 (not ArgumentParser's 64), failures
/// print one line on stderr, help and `--version` exit 0.
package enum CLIEntryPoint {
    /// Parses the arguments, runs the command and exits.
    package static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        signal(SIGPIPE, SIG_IGN)
        var command: any ParsableCommand
        do {
            command = try SSEChatCommand.parseAsRoot(arguments)
        } catch {
            let code = SSEChatCommand.exitCode(for: error)
            if code == .success {
                SSEChatCommand.exit(withError: error)
            }
            StandardStream.error.writeLine(usageLine(for: error))
            exit(ExitStatus.usage.rawValue)
        }
        if !(command is ServeCommand) { useOneMallocArena() }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(ExitStatus.ok.rawValue)
        } catch let failure as CLIFailure {
            if !failure.message.isEmpty { StandardStream.error.writeMessage(failure.message) }
            exit(failure.status.rawValue)
        } catch let error as ValidationError {
            StandardStream.error.writeMessage(error.message)
            exit(ExitStatus.usage.rawValue)
        } catch {
            if SSEChatCommand.exitCode(for: error) == .success { SSEChatCommand.exit(withError: error) }
            StandardStream.error.writeMessage("\(error)")
            exit(ExitStatus.failure.rawValue)
        }
    }

    /// Makes glibc's malloc keep one arena for the whole process instead of one per busy thread.
    ///
    /// A reply passes through URLSession's transfer thread, its delegate queue and the concurrency pool's threads;
    /// with an arena each, every one of them kept megabytes of freed chunks resident (docs/PERFORMANCE.md, finding
    /// 5: 0.6–1.5 MiB less peak RSS with one arena). These threads take turns on the data rather than allocate in
    /// parallel: with one arena a 200,000-token reply took no more CPU time. The demo server (`serve`), which does
    /// allocate in parallel, keeps glibc's default. Does nothing where malloc is not glibc's.
    private static func useOneMallocArena() {
        #if canImport(Glibc)
            // <malloc.h> is not part of the Glibc module: look `mallopt` up instead.
            typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
            let arenaMax: Int32 = -8  // M_ARENA_MAX
            guard let symbol = dlsym(nil, "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: MallocOption.self)(arenaMax, 1)
        #endif
    }

    /// One line for a usage error: ArgumentParser's message, plus where to find help.
    private static func usageLine(for error: any Error) -> String {
        let message =
            SSEChatCommand.message(for: error)
            .split(separator: "\n").first.map(String.init) ?? "invalid arguments"
        return "ssechat: \(message) (see 'ssechat --help')"
    }
}
