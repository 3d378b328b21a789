import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One HTTP/1.1 exchange over a raw loopback socket, with the response's chunked framing kept: the tests see
/// exactly how the server split its writes, and whether it closed without the final chunk.
struct RawHTTPExchange: Sendable {
    /// The status code.
    var status: Int
    /// Header lines as received, names lower-cased.
    var headers: [String: String]
    /// The body's HTTP chunks, in order (for a chunked response).
    var chunks: [[UInt8]]
    /// Whether the terminating zero-length chunk arrived (the response ended normally).
    var complete: Bool

    /// The body bytes, chunks joined.
    var body: [UInt8] { chunks.flatMap { $0 } }

    /// Sends `request` (a full request head, plus body) to 127.0.0.1:`port` and reads until the server closes.
    /// - Throws: `POSIXError` when the connection fails or a read times out.
    static func send(
        _ request: String,
        port: UInt16,
        timeout: Duration = .seconds(10)
    ) async throws -> RawHTTPExchange {
        // A thread of its own: blocking a Dispatch worker would starve the cooperative pool the server runs on.
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try exchange(request, port: port, timeout: timeout) })
            }
            thread.start()
        }
    }

    /// A `GET` of `target` that asks the server to close the connection after the response.
    static func get(_ target: String, port: UInt16, headers: [String: String] = [:]) async throws -> RawHTTPExchange {
        var head = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        return try await send(head + "\r\n", port: port)
    }

    private static func exchange(_ request: String, port: UInt16, timeout: Duration) throws -> RawHTTPExchange {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var seconds = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ Glibc.send(fd, $0.baseAddress, $0.count, 0) }) == bytes.count else {
            throw POSIXError(.EIO)
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == ECONNRESET { break }
                throw POSIXError(.ETIMEDOUT)
            }
            received.append(contentsOf: buffer[0..<count])
        }
        return try parse(received)
    }

    /// Splits a raw response into head and chunks.
    static func parse(_ bytes: [UInt8]) throws -> RawHTTPExchange {
        guard let headEnd = find([13, 10, 13, 10], in: bytes, from: 0) else { throw POSIXError(.EBADMSG) }
        let head = String(decoding: bytes[0..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw POSIXError(.EBADMSG) }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[line[..<colon].lowercased()] = value
        }
        var offset = headEnd + 4
        guard headers["transfer-encoding"]?.lowercased() == "chunked" else {
            return RawHTTPExchange(status: status, headers: headers, chunks: [Array(bytes[offset...])], complete: true)
        }
        var chunks: [[UInt8]] = []
        while let lineEnd = find([13, 10], in: bytes, from: offset) {
            let sizeText = String(decoding: bytes[offset..<lineEnd], as: UTF8.self)
            guard let size = Int(sizeText, radix: 16) else { throw POSIXError(.EBADMSG) }
            if size == 0 { return RawHTTPExchange(status: status, headers: headers, chunks: chunks, complete: true) }
            let start = lineEnd + 2
            guard start + size <= bytes.count else {
                chunks.append(Array(bytes[start...]))
                break
            }
            chunks.append(Array(bytes[start..<start + size]))
            offset = start + size + 2
        }
        return RawHTTPExchange(status: status, headers: headers, chunks: chunks, complete: false)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count)
        where bytes[index..<index + needle.count].elementsEqual(needle) {
            return index
        }
        return nil
    }
}
