import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A recognisable API key: no output of any run may contain it.
let secretKey = "sk-test-SECRET-7f3a9c1e"

/// Runs the built `ssechat` binary in a sandboxed home, stdin never inherited from the test runner.
struct SSEChatRunner {
    /// The sandbox (home and XDG folders) the child uses; kept alive as long as the runner.
    let sandbox: CLIProcessSandbox

    init() throws {
        sandbox = try CLIProcessSandbox()
    }

    /// Starts `ssechat` with `arguments`, the sandbox's environment plus `environment`, and `input` on stdin.
    func start(
        _ arguments: [String],
        environment: [String: String] = [:],
        input: CLIProcess.Input = .null
    ) throws -> CLIProcess {
        try CLIProcess(
            executable: try BuiltProducts.path(of: "ssechat"),
            arguments: arguments,
            environment: sandbox.environment(environment),
            input: input
        )
    }

    /// Runs `ssechat` to its end (killed after `timeout`).
    func run(
        _ arguments: [String],
        environment: [String: String] = [:],
        input: CLIProcess.Input = .null,
        timeout: Duration = .seconds(20)
    ) async throws -> CLIResult {
        try await start(arguments, environment: environment, input: input).waitForExit(timeout: timeout)
    }
}

/// Runs `ssechat` once in a fresh sandbox.
func ssechat(
    _ arguments: [String],
    environment: [String: String] = [:],
    input: CLIProcess.Input = .null,
    timeout: Duration = .seconds(20)
) async throws -> CLIResult {
    try await SSEChatRunner().run(arguments, environment: environment, input: input, timeout: timeout)
}

/// The environment for an OpenAI-compatible transcript server: its `/v1` as `OPENAI_BASE_URL` and, unless told
/// otherwise, the recognisable key.
func openAIEnvironment(_ server: TranscriptServer, key: String? = secretKey) -> [String: String] {
    var environment = ["OPENAI_BASE_URL": server.url("/v1")]
    if let key { environment["OPENAI_API_KEY"] = key }
    return environment
}

/// A loopback port where connections are refused for the rest of the test process.
func refusedPort() throws -> UInt16 {
    try refusingLoopbackPort()
}

/// The JSON body of a recorded request.
func requestJSON(_ request: RecordedRequest) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
}

/// The `messages` of a recorded OpenAI request as role/content pairs.
func requestMessages(_ request: RecordedRequest) throws -> [[String: String]] {
    try #require(try requestJSON(request)["messages"] as? [[String: String]])
}

/// Checks what every failing run must satisfy: the documented exit code, exactly one line on stderr, and the key
/// nowhere in the output.
func expectFailure(
    _ result: CLIResult,
    exitCode: Int32,
    stderrContains fragments: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(!result.timedOut, "timed out", sourceLocation: sourceLocation)
    #expect(result.killedBySignal == nil, "killed by a signal", sourceLocation: sourceLocation)
    #expect(result.exitCode == exitCode, "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(result.stderrText.contains(fragment), "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
    }
    expectNoKey(result, sourceLocation: sourceLocation)
}

/// The key appears neither on stdout nor on stderr.
func expectNoKey(_ result: CLIResult, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!result.stdoutText.contains(secretKey), sourceLocation: sourceLocation)
    #expect(!result.stderrText.contains(secretKey), sourceLocation: sourceLocation)
    #expect(!result.stderrText.contains("SECRET"), sourceLocation: sourceLocation)
}
