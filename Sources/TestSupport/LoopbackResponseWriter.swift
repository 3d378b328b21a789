import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a response on a loopback test connection; each call is one `send(2)`.
package final class LoopbackResponseWriter: Sendable {
    private let fd: Int32
    private let closed = Mutex(false)
    private let unregister: @Sendable () -> Void

    init(fd: Int32, unregister: @escaping @Sendable () -> Void) {
        self.fd = fd
        self.unregister = unregister
    }

    /// Sends a status line and headers. With `chunked`, the body must go through `writeChunk`.
    package func writeHead(status: Int = 200, headers: [(String, String)] = [], chunked: Bool = false) {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += chunked ? "Transfer-Encoding: chunked\r\n" : "Connection: close\r\n"
        head += "\r\n"
        write(Array(head.utf8))
    }

    /// Sends the head of an event stream response (`text/event-stream`, close-delimited unless `chunked`).
    package func writeEventStreamHead(chunked: Bool = false, extraHeaders: [(String, String)] = []) {
        writeHead(
            headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-cache")] + extraHeaders,
            chunked: chunked
        )
    }

    /// Sends raw bytes.
    @discardableResult
    package func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += sent
        }
        return true
    }

    /// Sends a string's UTF-8 bytes.
    @discardableResult
    package func write(_ text: String) -> Bool { write(Array(text.utf8)) }

    /// Sends one HTTP chunk (chunked framing).
    @discardableResult
    package func writeChunk(_ bytes: [UInt8]) -> Bool {
        write(Array(String(bytes.count, radix: 16).utf8) + [13, 10] + bytes + [13, 10])
    }

    /// Sends the terminating chunk (a clean end of a chunked body).
    package func endChunks() { write("0\r\n\r\n") }

    /// Waits until the client closes its side (or `timeout` passes).
    /// - Returns: Whether the client closed within the timeout.
    package func waitForClientClose(timeout: Duration) -> Bool {
        let milliseconds = Int32(
            timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        )
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { return false }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { return true }
        }
        return false
    }

    /// Closes the connection (a drop, when the body is not finished).
    package func close() {
        let first = closed.withLock { closed -> Bool in
            defer { closed = true }
            return !closed
        }
        if first {
            unregister()
            // A lingering close: send FIN, drain what the client still sends, then close, so the kernel never
            // answers unread bytes with a RST that would destroy the data the client has not read yet.
            shutdown(fd, Int32(SHUT_WR))
            _ = waitForClientClose(timeout: .seconds(2))
            Glibc.close(fd)
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// Reads one HTTP/1.1 request (head and `Content-Length` body) from a socket.
struct RequestReader {
    let fd: Int32

    func read() -> RecordedRequest? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var headEnd: Int?
        while headEnd == nil {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            data.append(contentsOf: buffer[0..<count])
            headEnd = Self.find([13, 10, 13, 10], in: data)
        }
        guard let headEnd else { return nil }
        let head = String(decoding: data[0..<headEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[(headEnd + 4)...])
        let length = headers["content-length"].flatMap(Int.init) ?? 0
        while body.count < length {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            body.append(contentsOf: buffer[0..<count])
        }
        return RecordedRequest(
            method: String(requestLine[0]),
            target: String(requestLine[1]),
            headers: headers,
            body: Data(body.prefix(length))
        )
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
