import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("ssechat events: output and reconnection", .timeLimit(.minutes(1)))
struct EventsCommandTests {
    /// Parses each stdout line as a JSON object with exactly `type`, `data` and `id`.
    private func objects(_ result: CLIResult) throws -> [[String: String]] {
        try result.stdoutLines.map { line in
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String],
                "not an object: \(line)"
            )
            #expect(Set(object.keys) == ["type", "data", "id"], "\(line)")
            return object
        }
    }

    @Test("one JSON object per event, nothing else on stdout; type, data, id and escaping exact")
    func oneObjectPerEvent() async throws {
        let server = try TranscriptServer(
            .events([
                ": a comment, not an event\n\n",
                "data: plain\n\n",
                "event: update\nid: 7\ndata: line1\ndata: line2\n\n",
                "data: quote \" backslash \\ tab \t ctl \u{01}\u{1F} del \u{7F}\n\n",
                "data: ünïcödé 日本語 🦊 \u{2028}\n\n",
                "data:\n\n",  // empty data, dispatched (WHATWG: the buffer holds a newline)
                "event: only-a-type\n\n",  // no data at all: not dispatched
                "id:\ndata: cleared\n\n",
                "data: partial event never dispatched",
            ])
        )
        let result = try await ssechat(["events", server.url("/stream"), "--max-reconnects", "0"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stderrText.isEmpty)
        let events = try objects(result)
        #expect(
            events == [
                ["type": "message", "data": "plain", "id": ""],
                ["type": "update", "data": "line1\nline2", "id": "7"],
                ["type": "message", "data": "quote \" backslash \\ tab \t ctl \u{01}\u{1F} del \u{7F}", "id": "7"],
                ["type": "message", "data": "ünïcödé 日本語 🦊 \u{2028}", "id": "7"],
                ["type": "message", "data": "", "id": "7"],
                ["type": "message", "data": "cleared", "id": ""],
            ]
        )
        let lines = result.stdoutLines
        try #require(lines.count == 6)
        #expect(lines[0] == #"{"type":"message","data":"plain","id":""}"#)
        #expect(lines[1] == #"{"type":"update","data":"line1\nline2","id":"7"}"#)
        #expect(lines[2].contains(#"\u0001\u001f"#) || lines[2].contains(#"\u0001\u001F"#))
        #expect(lines[2].contains(#"quote \" backslash \\ tab \t"#))
        #expect(result.stdout.last == UInt8(ascii: "\n"))
        #expect(server.requests.count == 1)
        #expect(server.requests.first?.method == "GET")
        #expect(server.requests.first?.header("Accept") == "text/event-stream")
    }

    @Test("after the response ends it reconnects, sending Last-Event-ID")
    func reconnectsWithLastEventID() async throws {
        let server = try TranscriptServer([
            .events(["id: a1\ndata: one\n\n"]),
            .custom { request, writer in
                writer.writeEventStreamHead()
                writer.write("data: resumed after \(request.header("Last-Event-ID") ?? "nothing")\n\n")
            },
        ])
        let result = try await ssechat(["events", server.url(), "--retry-ms", "10", "--max-reconnects", "1"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(try objects(result).map { $0["data"] } == ["one", "resumed after a1"])
        #expect(try objects(result).map { $0["id"] } == ["a1", "a1"])
        let requests = server.requests
        try #require(requests.count == 2)
        #expect(requests[0].header("Last-Event-ID") == nil)
        #expect(requests[1].header("Last-Event-ID") == "a1")
    }

    @Test("HTTP 204 ends it with exit 0 and no further request", arguments: [false, true])
    func noContentStops(afterAStream: Bool) async throws {
        let server = try TranscriptServer(
            afterAStream ? [.events(["id: 1\ndata: first\n\n"]), .status(204)] : [.status(204)]
        )
        let result = try await ssechat(["events", server.url(), "--retry-ms", "10"], timeout: .seconds(10))
        #expect(!result.timedOut)
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stderrText.isEmpty)
        #expect(result.stdoutLines.count == (afterAStream ? 1 : 0))
        #expect(server.requests.count == (afterAStream ? 2 : 1))
    }

    @Test(
        "a failing response: one line on stderr, the documented exit code, no events printed",
        arguments: [
            (401, "text/event-stream", Int32(3)), (403, "text/event-stream", 3), (429, "text/event-stream", 4),
            (500, "text/event-stream", 1), (404, "text/html", 1), (200, "text/html", 1), (200, "application/json", 1),
        ]
    )
    func failingResponse(status: Int, contentType: String, exitCode: Int32) async throws {
        let server = try TranscriptServer(
            .status(status, headers: [("Content-Type", contentType)], body: "data: must not be printed\n\n")
        )
        let result = try await ssechat(["events", server.url(), "--retry-ms", "10"], timeout: .seconds(10))
        #expect(!result.timedOut)
        #expect(result.exitCode == exitCode, "\(result.stderrText)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result.stderrText)")
        #expect(server.requests.count == 1)
    }

    @Test("--max-line-bytes: 8 MiB comment and unknown-field lines pass a 1 KiB limit; a longer data line fails")
    func maxLineBytes() async throws {
        let long = String(repeating: "0123456789abcdef", count: (8 << 20) / 16)
        let server = try TranscriptServer(
            .events([
                "data: one\n\n", ":", long, long, "\n", "x-partial-image: ", long, "\r\n", "data: two\n\n",
                "data: \(String(repeating: "z", count: 2048))\n\n", "data: never\n\n",
            ])
        )
        let result = try await ssechat(
            ["events", server.url(), "--max-line-bytes", "1024", "--max-reconnects", "0"],
            timeout: .seconds(30)
        )
        #expect(result.exitCode == 1, "\(result.stderrText)")
        #expect(try objects(result).map { $0["data"] } == ["one", "two"])
        #expect(result.stderrLines.count == 1, "\(result.stderrText)")
        #expect(result.stderrText.contains("longer than 1024 bytes"), "\(result.stderrText)")
    }

    @Test("a refused connection exits 5 with one line on stderr")
    func refusedConnection() async throws {
        let port = try refusedPort()
        let result = try await ssechat(["events", "http://127.0.0.1:\(port)/"], timeout: .seconds(10))
        #expect(!result.timedOut)
        #expect(result.exitCode == 5)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result.stderrText)")
    }

    @Test("a stall longer than --read-timeout-ms counts as a drop: it reconnects with Last-Event-ID")
    func readTimeoutReconnects() async throws {
        let release = Gate()
        defer { release.open() }
        let server = try TranscriptServer([
            .custom { _, writer in
                writer.writeEventStreamHead()
                writer.write("id: s1\ndata: before the stall\n\n")
                release.wait(timeout: 20)
            },
            .events(["data: after the stall\n\n"]),
        ])
        let result = try await ssechat(
            ["events", server.url(), "--read-timeout-ms", "300", "--retry-ms", "10", "--max-reconnects", "1"]
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(try objects(result).map { $0["data"] } == ["before the stall", "after the stall"])
        let requests = server.requests
        try #require(requests.count == 2)
        #expect(requests[1].header("Last-Event-ID") == "s1")
    }

    @Test("--header, --method, --data and --last-event-id reach the server")
    func requestFlags() async throws {
        let server = try TranscriptServer(.events(["data: ok\n\n"]))
        let result = try await ssechat([
            "events", server.url("/put?x=1"), "--header", "X-Test: one two", "--header", "Authorization: Bearer tok",
            "--method", "put", "--data", #"{"q":"hi"}"#, "--last-event-id", "start-5", "--max-reconnects", "0",
        ])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let request = try #require(server.requests.first)
        #expect(request.method == "PUT")
        #expect(request.target == "/put?x=1")
        #expect(request.header("X-Test") == "one two")
        #expect(request.header("Authorization") == "Bearer tok")
        #expect(request.header("Last-Event-ID") == "start-5")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"q":"hi"}"#)
    }

    @Test("--data @FILE sends the file's bytes, as a POST by default")
    func dataFromFile() async throws {
        let runner = try SSEChatRunner()
        let contents = Data("first line\nsecond: ünï 🦊\n".utf8) + Data([0x00, 0xFF])
        let path = try runner.sandbox.file(named: "body.bin", contents: contents)
        let server = try TranscriptServer(.events(["data: ok\n\n"]))
        let result = try await runner.run(["events", server.url(), "--data", "@" + path, "--max-reconnects", "0"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.body == contents)
    }

    @Test(
        "SIGINT and SIGTERM end it quietly with 130 and 143, keeping what was printed",
        arguments: [(Int32(SIGINT), Int32(130)), (Int32(SIGTERM), Int32(143))]
    )
    func signalsEndQuietly(signal: Int32, exitCode: Int32) async throws {
        let release = Gate()
        defer { release.open() }
        let server = try TranscriptServer(
            .custom { _, writer in
                writer.writeEventStreamHead()
                writer.write("data: hello\n\n")
                release.wait(timeout: 20)
            }
        )
        let child = try SSEChatRunner().start(["events", server.url()])
        try await child.waitForStdout(containing: "hello")
        child.send(signal: signal)
        let result = await child.waitForExit(timeout: .seconds(10))
        #expect(result.killedBySignal == nil, "the signal must be handled, not kill the process")
        #expect(result.exitCode == exitCode)
        #expect(result.stderrText.isEmpty, "\(result.stderrText)")
        #expect(result.stdoutText == #"{"type":"message","data":"hello","id":""}"# + "\n")
    }

    @Test("-v reports connection changes on stderr; stdout still holds only the event lines")
    func verbose() async throws {
        let server = try TranscriptServer(.events(["data: one\n\n", "data: two\n\n"]))
        let result = try await ssechat(["events", "-v", server.url(), "--max-reconnects", "0"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(try objects(result).map { $0["data"] } == ["one", "two"])
        #expect(!result.stderrText.isEmpty)
    }

    @Test(
        "bad flags exit 2 with one line on stderr and nothing on stdout",
        arguments: [
            ["events"], ["events", "ftp://127.0.0.1/x"], ["events", "not a url"],
            ["events", "http://127.0.0.1:1/", "--bogus"],
            ["events", "http://127.0.0.1:1/", "--max-reconnects", "-1"],
            ["events", "http://127.0.0.1:1/", "--max-reconnects", "x"],
            ["events", "http://127.0.0.1:1/", "--read-timeout-ms", "0"],
            ["events", "http://127.0.0.1:1/", "--max-line-bytes", "0"],
            ["events", "http://127.0.0.1:1/", "--header", "no colon"],
            ["events", "http://127.0.0.1:1/", "--data", "@/nonexistent/ssechat-test-file"],
        ]
    )
    func badFlags(arguments: [String]) async throws {
        let result = try await ssechat(arguments, timeout: .seconds(10))
        #expect(result.exitCode == 2, "\(result.stderrText)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result.stderrText)")
    }
}
