import Foundation
import LineEditor
import Testing

@Suite("PlainLineReader", .timeLimit(.minutes(1)))
struct PlainLineReaderTests {
    /// A pipe whose write end the test feeds.
    private final class Pipe {
        let readEnd: Int32
        let writeEnd: Int32

        init() throws {
            var descriptors: [Int32] = [0, 0]
            guard pipe(&descriptors) == 0 else { throw POSIXError(.EMFILE) }
            readEnd = descriptors[0]
            writeEnd = descriptors[1]
        }

        func write(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Foundation.write(writeEnd, $0.baseAddress, $0.count) }
        }

        func closeWriteEnd() {
            close(writeEnd)
        }

        deinit {
            close(readEnd)
        }
    }

    @Test("Reads lines, CRLF included, then the unterminated last line, then the end")
    func lines() async throws {
        let pipe = try Pipe()
        pipe.write("one\ntwo\r\n\nthree\\\nlast")
        pipe.closeWriteEnd()
        let reader = PlainLineReader(fileDescriptor: pipe.readEnd)
        var results: [LineReadResult] = []
        for _ in 0..<7 {
            results.append(await reader.readLine(prompt: "ignored> "))
        }
        #expect(
            results == [
                .line("one"), .line("two"), .line(""), .line("three\\"), .line("last"), .endOfInput, .endOfInput,
            ]
        )
    }

    @Test("Waits for a line written later, without blocking the cooperative pool")
    func waitsForInput() async throws {
        let pipe = try Pipe()
        let reader = PlainLineReader(fileDescriptor: pipe.readEnd)
        async let pending = reader.readLine(prompt: "")
        // While the read blocks its own thread, other tasks still run.
        let other = await Task.detached { 21 * 2 }.value
        #expect(other == 42)
        pipe.write("he")
        pipe.write("llo\n")
        #expect(await pending == .line("hello"))
        pipe.closeWriteEnd()
        #expect(await reader.readLine(prompt: "") == .endOfInput)
    }

    @Test("Invalid UTF-8 becomes U+FFFD; many lines in one chunk all come out")
    func decoding() async throws {
        let pipe = try Pipe()
        var bytes: [UInt8] = [0x61, 0xFF, 0x62, 0x0A]
        bytes += Array((1...500).map { "line \($0)\n" }.joined().utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(pipe.writeEnd, $0.baseAddress, $0.count) }
        pipe.closeWriteEnd()
        let reader = PlainLineReader(fileDescriptor: pipe.readEnd)
        #expect(await reader.readLine(prompt: "") == .line("a\u{FFFD}b"))
        for number in 1...500 {
            #expect(await reader.readLine(prompt: "") == .line("line \(number)"))
        }
        #expect(await reader.readLine(prompt: "") == .endOfInput)
    }
}
