import DemoServerKit
import Foundation
import SSE
import SSEClient
import Testing

@testable import DemoServerKit

@Suite("Many clients at once", .timeLimit(.minutes(1)))
struct ConcurrencyTests {
    @Test("200 concurrent clients each get their own complete, correct reply")
    func twoHundredClients() async throws {
        var configuration = testConfiguration(replyTokens: 40)
        configuration.tokensPerSecond = 400
        try await withDemoServer(configuration) { server in
            let results = try await withThrowingTaskGroup(of: (Int, StreamedReply).self) { group in
                for index in 0..<200 {
                    group.addTask {
                        (index, try await readOpenAIReply(chatSource(server, prompt: "client number \(index)")))
                    }
                }
                var results: [Int: StreamedReply] = [:]
                for try await (index, reply) in group { results[index] = reply }
                return results
            }
            #expect(results.count == 200)
            var generations = Set<String>()
            for (index, reply) in results {
                let expected = DemoReply(prompt: "client number \(index)", replyTokens: 40, maxTokens: nil)
                #expect(reply.done)
                #expect(reply.text == expected.text, "client \(index)")
                try expectSequentialIDs(reply.events)
                generations.insert(String(reply.events.first?.lastEventID.split(separator: "-").first ?? ""))
            }
            #expect(generations.count == 200)
        }
    }

    @Test("a server starts fast and stops cleanly, many times over")
    func startStop() async throws {
        var fastest = Duration.seconds(10)
        for _ in 0..<20 {
            let server = DemoServer(configuration: DemoServerConfiguration())
            let started = ContinuousClock.now
            let port = try await server.start()
            fastest = min(fastest, ContinuousClock.now - started)
            #expect(port != 0)
            #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(port)")
            await server.stop()
            await server.stop()
        }
        // Well under 50 ms on an idle machine (about 0.2-6 ms measured); loose because other suites run in parallel.
        #expect(fastest < .milliseconds(200))
    }

    @Test("a taken port is a clear error")
    func portInUse() async throws {
        try await withDemoServer { first in
            var configuration = DemoServerConfiguration()
            configuration.port = UInt16(first.baseURL.port ?? 0)
            let second = DemoServer(configuration: configuration)
            let error = await #expect(throws: DemoServerError.self) { _ = try await second.start() }
            #expect(error?.description.contains("cannot listen on 127.0.0.1") == true)
        }
    }

    @Test("a host that is not an IP address is refused")
    func badHost() async {
        var configuration = DemoServerConfiguration()
        configuration.host = "example.invalid"
        await #expect(throws: DemoServerError.self) { _ = try await DemoServer(configuration: configuration).start() }
    }
}
