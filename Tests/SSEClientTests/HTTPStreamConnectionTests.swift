import Foundation
import Testing

@testable import SSEClient

@Suite("HTTPStreamConnection hands the backlog over in bounded batches", .timeLimit(.minutes(1)))
struct HTTPStreamConnectionTests {
    /// `count` chunks of `size` bytes, chunk `i` filled with the byte `i`.
    private func chunks(_ count: Int, size: Int) -> [Data] {
        (0..<count).map { Data(repeating: UInt8($0), count: size) }
    }

    /// Every batch `nextChunks()` returns until the end of the response.
    private func drain(_ connection: HTTPStreamConnection) async throws -> [[Data]] {
        var batches: [[Data]] = []
        while let batch = try await connection.nextChunks() {
            batches.append(batch)
        }
        return batches
    }

    @Test("a backlog larger than the bound comes in batches of at most the bound, oldest first, all of it")
    func boundedBatches() async throws {
        let connection = HTTPStreamConnection(highWaterMark: 1 << 20, maxBatchBytes: 64 * 1024)
        let sent = chunks(10, size: 16 * 1024)
        for chunk in sent { connection.receive(data: chunk) }
        connection.complete(error: nil)

        let batches = try await drain(connection)
        #expect(batches.map(\.count) == [4, 4, 2])
        #expect(batches.allSatisfy { $0.reduce(0) { $0 + $1.count } <= 64 * 1024 })
        #expect(batches.flatMap { $0 } == sent)
    }

    @Test("a chunk larger than the bound is handed over alone")
    func largeChunkAlone() async throws {
        let connection = HTTPStreamConnection(highWaterMark: 1 << 20, maxBatchBytes: 16 * 1024)
        let sent = [
            Data(repeating: 1, count: 40 * 1024), Data(repeating: 2, count: 1024), Data(repeating: 3, count: 1024),
        ]
        for chunk in sent { connection.receive(data: chunk) }
        connection.complete(error: nil)

        let batches = try await drain(connection)
        #expect(batches == [[sent[0]], [sent[1], sent[2]]])
    }

    @Test("the transfer is let go once the consumer has taken enough of the backlog, batch by batch")
    func roomAfterPartialTakes() async throws {
        let connection = HTTPStreamConnection(highWaterMark: 32 * 1024, maxBatchBytes: 16 * 1024)
        for chunk in chunks(4, size: 16 * 1024) { connection.receive(data: chunk) }
        // 64 KiB buffered: over the mark until two 16 KiB batches are taken (then 32 KiB, not over it).
        _ = try #require(try await connection.nextChunks())
        _ = try #require(try await connection.nextChunks())
        let released = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            connection.waitForRoom()
            released.signal()
        }
        #expect(released.wait(timeout: .now() + 10) == .success)
        connection.cancel()
    }
}
