import DemoServerKit
import Foundation
import SSE
import SSEClient
import Testing

@testable import DemoServerKit

@Suite("POST /v1/chat/completions and GET /v1/models over loopback", .timeLimit(.minutes(1)))
struct OpenAIEndpointTests {
    @Test("a streamed reply is chat.completion.chunk events with ids, a role first, a finish reason, then [DONE]")
    func streamShape() async throws {
        try await withDemoServer(testConfiguration()) { server in
            let reply = try await readOpenAIReply(chatSource(server, prompt: "Tell me about SSE"))
            #expect(reply.done)
            #expect(reply.connections == 1)
            #expect(reply.text == DemoReply(prompt: "Tell me about SSE", replyTokens: nil, maxTokens: nil).text)
            try expectSequentialIDs(reply.events)
            let headers = try #require(reply.firstResponse?.headers)
            #expect(headers["content-type"] == "text/event-stream")
            #expect(headers["cache-control"] == "no-cache")
            #expect(headers["x-accel-buffering"] == "no")

            let chunks = try reply.chunks.map(jsonObject)
            let first = try #require(chunks.first)
            let firstChoice = try #require((first["choices"] as? [[String: Any]])?.first)
            #expect((firstChoice["delta"] as? [String: Any])?["role"] as? String == "assistant")
            for chunk in chunks {
                #expect(chunk["object"] as? String == "chat.completion.chunk")
                #expect(chunk["model"] as? String == "ssechat-demo")
                #expect((chunk["id"] as? String)?.hasPrefix("chatcmpl-") == true)
            }
            let finishReasons = try reply.chunks.map(finishReason(of:))
            #expect(finishReasons.last == "stop")
            #expect(finishReasons.dropLast().allSatisfy { $0 == nil })
        }
    }

    @Test("stream_options.include_usage adds a usage chunk before [DONE]")
    func usage() async throws {
        try await withDemoServer(testConfiguration(replyTokens: 25)) { server in
            let source = chatSource(server, prompt: "count", extra: #","stream_options":{"include_usage":true}"#)
            let reply = try await readOpenAIReply(source)
            let usageChunk = try jsonObject(try #require(reply.chunks.last))
            #expect((usageChunk["choices"] as? [Any])?.isEmpty == true)
            let usage = try #require(usageChunk["usage"] as? [String: Any])
            #expect(usage["completion_tokens"] as? Int == 25)
            #expect(usage["prompt_tokens"] as? Int == 1)
            #expect(usage["total_tokens"] as? Int == 26)
        }
    }

    @Test("the same prompt gives the same reply, byte for byte, on every request")
    func deterministicOverTheWire() async throws {
        try await withDemoServer(testConfiguration()) { server in
            let first = try await readOpenAIReply(chatSource(server, prompt: "repeat me"))
            let second = try await readOpenAIReply(chatSource(server, prompt: "repeat me"))
            let other = try await readOpenAIReply(chatSource(server, prompt: "something else"))
            #expect(first.text == second.text)
            #expect(first.text != other.text)
            #expect(first.events.first?.lastEventID != second.events.first?.lastEventID)
        }
    }

    @Test("max_tokens cuts the stream with finish_reason length")
    func maxTokens() async throws {
        try await withDemoServer(testConfiguration()) { server in
            let reply = try await readOpenAIReply(chatSource(server, prompt: "long", extra: #","max_tokens":3"#))
            let expectedCount = 6  // role, 3 tokens, finish, [DONE]
            #expect(reply.events.count == expectedCount)
            let lastChunk = try #require(reply.chunks.last)
            #expect(try finishReason(of: lastChunk) == "length")
        }
    }

    @Test("a request without stream: true gets one chat.completion JSON body")
    func nonStreaming() async throws {
        try await withDemoServer(testConfiguration()) { server in
            let url = server.baseURL.appendingPathComponent("v1/chat/completions")
            let response = try await httpRequest(url, method: "POST", body: chatBody("plain json", stream: false))
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/json")
            let object = try jsonObject(response.body)
            #expect(object["object"] as? String == "chat.completion")
            #expect(object["model"] as? String == "ssechat-demo")
            let message = try #require((object["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any])
            #expect(message["role"] as? String == "assistant")
            let expected = DemoReply(prompt: "plain json", replyTokens: nil, maxTokens: nil)
            #expect(message["content"] as? String == expected.text)
            #expect((object["usage"] as? [String: Any])?["completion_tokens"] is Int)
        }
    }

    @Test("GET /v1/models lists the demo model")
    func models() async throws {
        try await withDemoServer(testConfiguration()) { server in
            let response = try await httpRequest(server.baseURL.appendingPathComponent("v1/models"))
            #expect(response.status == 200)
            let object = try jsonObject(response.body)
            let ids = (object["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(ids == ["ssechat-demo"])
        }
    }

    @Test("a 200,000-token reply streams whole, coalesced into large writes (its speed is measured in Benchmarks)")
    func bigReply() async throws {
        try await withDemoServer(testConfiguration(replyTokens: 200_000)) { server in
            let exchange = try await RawHTTPExchange.send(
                "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: \(chatBody("benchmark").count)\r\n\r\n"
                    + String(decoding: chatBody("benchmark"), as: UTF8.self),
                port: UInt16(server.baseURL.port ?? 0)
            )
            #expect(exchange.complete)
            var parser = SSEParser()
            var count = 0
            for chunk in exchange.chunks { count += try parser.parse(chunk).count }
            #expect(count == 200_000 + 3)
            #expect(exchange.chunks.count < 2_000, "events should be coalesced into large writes")
        }
    }
}
