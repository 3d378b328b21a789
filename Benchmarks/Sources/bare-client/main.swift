import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// bare-client: the "bare URLSession delegate" baseline of issue 5 (items 3 and 4). POSTs one OpenAI streaming chat
// request and only counts the body's bytes and `didReceive` calls — no SSE parsing, no JSON.
//
//   bare-client BASE_URL [--prompt hi] [--echo]
//       BASE_URL is the OpenAI base, e.g. http://127.0.0.1:8080/v1; the request goes to BASE_URL/chat/completions.
//       --echo writes every chunk to stdout as it arrives (the latency benchmark reads it on a pty).
//       On exit, one line on stderr: "bare-client: bytes N chunks N seconds S".

var positional: [String] = []
var echo = false
var prompt = "hi"
var remaining = CommandLine.arguments.dropFirst()
while let argument = remaining.popFirst() {
    switch argument {
    case "--echo": echo = true
    case "--prompt": prompt = remaining.popFirst() ?? prompt
    default: positional.append(argument)
    }
}
guard let base = positional.first, let url = URL(string: base + "/chat/completions") else {
    FileHandle.standardError.write(Data("usage: bare-client BASE_URL [--prompt TEXT] [--echo]\n".utf8))
    exit(2)
}

var request = URLRequest(url: url)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
let body: [String: Any] = ["model": "demo", "stream": true, "messages": [["role": "user", "content": prompt]]]
request.httpBody = try? JSONSerialization.data(withJSONObject: body)
request.timeoutInterval = 600

let delegate = ByteCountingDelegate(echo: echo)
let queue = OperationQueue()
queue.maxConcurrentOperationCount = 1
let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: queue)
let start = ContinuousClock.now
session.dataTask(with: request).resume()
delegate.finished.wait()
let elapsed = start.duration(to: .now)
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
FileHandle.standardError.write(
    Data("bare-client: bytes \(delegate.bytes) chunks \(delegate.chunks) seconds \(seconds)\n".utf8)
)
if let failure = delegate.failure {
    FileHandle.standardError.write(Data("bare-client: error: \(failure)\n".utf8))
    exit(1)
}
exit(delegate.status == 200 ? 0 : 1)
