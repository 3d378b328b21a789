import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("ssechat --demo and ssechat serve", .timeLimit(.minutes(1)))
struct DemoModeTests {
    /// A running `ssechat serve --port 0` and the base URL it printed; stopped with SIGINT by `stop()`.
    private struct Served {
        let child: CLIProcess
        let baseURL: String

        static func start(_ runner: SSEChatRunner, _ flags: [String] = []) async throws -> Served {
            let child = try runner.start(["serve", "--port", "0", "--tokens-per-sec", "0"] + flags)
            try await child.waitForStdout(containing: "\n")
            let line = String(decoding: child.stdoutSoFar, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            try #require(line.hasPrefix("http://127.0.0.1:"), "serve printed: \(line)")
            return Served(child: child, baseURL: line)
        }

        func stop() async -> CLIResult {
            child.send(signal: SIGINT)
            return await child.waitForExit(timeout: .seconds(10))
        }
    }

    @Test("--demo --once streams a reply with no key and no network")
    func demoOnce() async throws {
        let result = try await ssechat(["--demo", "--once", "Show me what you can do"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(!result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(result.stdoutText.hasSuffix("\n"))
        #expect(result.stderr.isEmpty, "\(result.stderrText)")
    }

    @Test("no server and no key configured: the built-in server answers (as with --demo)")
    func demoIsTheDefault() async throws {
        let result = try await ssechat(["--once", "hello there"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(!result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test("--demo speaks plain SSE too (GET /chat?q=…): the same reply as chat completions")
    func demoPlainSSE() async throws {
        async let plainRun = ssechat(["--demo", "--provider", "sse", "--once", "plain events"])
        async let chatRun = ssechat(["--demo", "--once", "plain events"])
        let (plain, chat) = try await (plainRun, chatRun)
        #expect(plain.exitCode == 0, "\(plain.stderrText)")
        #expect(plain.stdoutText.contains("plain events"))
        #expect(plain.stdout == chat.stdout)
    }

    @Test(
        "--demo with a format the built-in server does not speak: one line, exit 2, nothing sent",
        arguments: ["anthropic", "gemini"]
    )
    func demoRefusesOtherFormats(provider: String) async throws {
        for arguments in [
            ["--demo", "--provider", provider, "--once", "hi"], ["--provider", provider, "--once", "hi"],
        ] {
            let result = try await ssechat(arguments)
            #expect(result.exitCode == 2, "\(arguments): \(result.stderrText)")
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderrLines == [
                    "ssechat: the built-in demo server speaks openai, responses and sse, not \(provider): give --url, or an API key, to use \(provider)"
                ]
            )
        }
    }

    @Test("the demo model is deterministic: the same prompt gives byte-identical output")
    func demoDeterministic() async throws {
        async let firstRun = ssechat(["--demo", "--once", "same prompt"])
        async let secondRun = ssechat(["--demo", "--once", "same prompt"])
        let (first, second) = try await (firstRun, secondRun)
        #expect(first.exitCode == 0 && second.exitCode == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test("--demo --json ends with a complete done line")
    func demoJSON() async throws {
        let result = try await ssechat(["--demo", "--json", "--once", "hi"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        for line in result.stdoutLines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "\(line)")
        }
        let last = try #require(result.stdoutLines.last)
        let done = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(done["type"] as? String == "done")
        #expect(done["complete"] as? Bool == true)
    }

    @Test("ssechat serve: events and chat against it; SIGINT stops it with exit 0")
    func serveThenEventsAndChat() async throws {
        let runner = try SSEChatRunner()
        let served = try await Served.start(runner)
        let events = try await runner.run(["events", served.baseURL + "/chat?q=hello", "--max-reconnects", "0"])
        #expect(events.exitCode == 0, "\(events.stderrText)")
        let objects = events.stdoutLines.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }
        #expect(objects.count == events.stdoutLines.count)
        #expect(objects.contains { $0["type"] == "end" })
        #expect(objects.allSatisfy { $0["id"]?.isEmpty == false })

        let chat = try await runner.run(["--once", "--url", served.baseURL + "/v1", "hello"])
        #expect(chat.exitCode == 0, "\(chat.stderrText)")
        #expect(!chat.stdout.isEmpty)

        let stopped = await served.stop()
        #expect(stopped.exitCode == 0, "\(stopped.stderrText)")
    }

    @Test("serve --cors-origin: a value that is not an origin is a usage error; a good one notes the page and CORS")
    func serveCORSOrigin() async throws {
        let bad = try await ssechat(["serve", "--port", "0", "--cors-origin", "localhost:5173"])
        #expect(bad.exitCode == 2)
        #expect(bad.stderrText.contains("--cors-origin"), "\(bad.stderrText)")
        let runner = try SSEChatRunner()
        let served = try await Served.start(runner, ["--cors-origin", "http://localhost:5173", "--cors-origin", "*"])
        let stopped = await served.stop()
        #expect(stopped.exitCode == 0, "\(stopped.stderrText)")
        #expect(stopped.stderrText.contains("CORS allowed for http://localhost:5173, *"), "\(stopped.stderrText)")
        #expect(stopped.stderrText.contains("chat page at \(served.baseURL)/"), "\(stopped.stderrText)")
    }

    @Test("a server that drops every response mid-reply: resumed with ids, output identical to an undisturbed run")
    func resumeAgainstFaultyServer() async throws {
        let runner = try SSEChatRunner()
        let healthy = try await Served.start(runner, ["--reply-tokens", "30"])
        let faulty = try await Served.start(
            runner,
            ["--reply-tokens", "30", "--drop-after", "6", "--drop-mid-event", "--retry-ms", "10"]
        )
        let prompt = "Tell me about resumable streams"
        let undisturbed = try await runner.run(["--once", "--url", healthy.baseURL + "/v1", prompt])
        let resumed = try await runner.run(
            ["--once", "--url", faulty.baseURL + "/v1", "--max-reconnects", "100", prompt]
        )
        #expect(undisturbed.exitCode == 0, "\(undisturbed.stderrText)")
        #expect(resumed.exitCode == 0, "\(resumed.stderrText)")
        #expect(resumed.stdout == undisturbed.stdout)
        _ = await healthy.stop()
        _ = await faulty.stop()
    }
}
