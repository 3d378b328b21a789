import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The config file through the built binary: each layer of precedence, profiles and keys, seen by a loopback
/// server that records what it was sent.
@Suite("ssechat config file: precedence, profiles and keys", .timeLimit(.minutes(1)))
struct ConfigPrecedenceTests {
    @Test("A profile's url, model, system, headers and request parameters reach the server")
    func profileLayer() async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        try runner.writeConfig(
            """
            default_profile = "work"

            [profiles.work]
            url = "\(server.url("/v1"))"
            model = "profile-model"
            system = "Be brief."
            headers = { "X-Team" = "docs" }
            temperature = 0.25
            max_tokens = 77
            stop = ["END"]
            extra_body = { reasoning = { effort = "low" } }
            """
        )
        let result = try await runner.run(["--once", "hi"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "ok\n")
        let request = try #require(server.requests.first)
        #expect(request.target == "/v1/chat/completions")
        #expect(request.header("X-Team") == "docs")
        #expect(request.header("Authorization") == nil)
        let body = try requestJSON(request)
        #expect(body["model"] as? String == "profile-model")
        #expect(body["temperature"] as? Double == 0.25)
        #expect(body["max_tokens"] as? Int == 77)
        #expect(body["stop"] as? [String] == ["END"])
        #expect((body["reasoning"] as? [String: String]) == ["effort": "low"])
        #expect(try requestMessages(request).first == ["role": "system", "content": "Be brief."])
    }

    @Test("[defaults] applies with no profile; a profile beats it")
    func defaultsLayer() async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        try runner.writeConfig(
            """
            [defaults]
            url = "\(server.url("/v1"))"
            model = "defaults-model"
            temperature = 1.5

            [profiles.p]
            model = "profile-model"
            """
        )
        var result = try await runner.run(["--once", "hi"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        result = try await runner.run(["--once", "-p", "p", "hi"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        let bodies = try server.requests.map(requestJSON)
        try #require(bodies.count == 2)
        #expect(bodies[0]["model"] as? String == "defaults-model")
        #expect(bodies[1]["model"] as? String == "profile-model")
        #expect(bodies[1]["temperature"] as? Double == 1.5)
    }

    @Test("The environment beats the profile; a flag beats the environment")
    func environmentAndFlagLayers() async throws {
        let profileServer = try okServer()
        let environmentServer = try okServer()
        let flagServer = try okServer()
        let runner = try SSEChatRunner()
        try runner.writeConfig(
            """
            default_profile = "p"
            [profiles.p]
            url = "\(profileServer.url("/v1"))"
            model = "profile-model"
            """
        )
        let environment = ["OPENAI_BASE_URL": environmentServer.url("/v1"), "SSECHAT_MODEL": "env-model"]
        var result = try await runner.run(["--once", "hi"], environment: environment)
        #expect(result.exitCode == 0, "\(result.stderrText)")
        result = try await runner.run(
            ["--once", "--url", flagServer.url("/v1"), "-m", "flag-model", "hi"],
            environment: environment
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(profileServer.requests.isEmpty)
        #expect(try environmentServer.requests.map { try requestJSON($0)["model"] as? String } == ["env-model"])
        #expect(try flagServer.requests.map { try requestJSON($0)["model"] as? String } == ["flag-model"])
    }

    @Test("stats from [defaults] prints statistics; --no-stats turns them off")
    func booleanFlagLayer() async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        try runner.writeConfig("[defaults]\nstats = true\nurl = \"\(server.url("/v1"))\"\n")
        let withStats = try await runner.run(["--once", "hi"])
        let without = try await runner.run(["--once", "--no-stats", "hi"])
        #expect(withStats.exitCode == 0 && without.exitCode == 0)
        #expect(withStats.stderrText.contains("tok/s"))
        #expect(!without.stderrText.contains("tok/s"))
    }

    @Test("markdown from [defaults] renders into a pipe; --markdown never beats it")
    func markdownLayer() async throws {
        let server = try TranscriptServer(.events(Transcript.openAI(["**bold**", " text"])))
        let runner = try SSEChatRunner()
        try runner.writeConfig("[defaults]\nmarkdown = \"always\"\nurl = \"\(server.url("/v1"))\"\n")
        let rendered = try await runner.run(["--once", "--color", "never", "hi"])
        let plain = try await runner.run(["--once", "--markdown", "never", "hi"])
        #expect(rendered.exitCode == 0 && plain.exitCode == 0, "\(rendered.stderrText)\(plain.stderrText)")
        #expect(plain.stdoutText == "**bold** text\n")
        #expect(rendered.stdoutText.contains("bold"))
        #expect(!rendered.stdoutText.contains("**"))
    }

    @Test("-p and SSECHAT_PROFILE select the profile; -p wins")
    func profileSelection() async throws {
        let a = try okServer()
        let b = try okServer()
        let runner = try SSEChatRunner()
        try runner.writeConfig(
            "[profiles.a]\nurl = \"\(a.url("/v1"))\"\n[profiles.b]\nurl = \"\(b.url("/v1"))\"\n"
        )
        var result = try await runner.run(["--once", "hi"], environment: ["SSECHAT_PROFILE": "a"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        result = try await runner.run(["--once", "--profile", "b", "hi"], environment: ["SSECHAT_PROFILE": "a"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(a.requests.count == 1)
        #expect(b.requests.count == 1)
    }

    @Test("An unknown profile: one line naming the known ones, exit 2, nothing sent")
    func unknownProfile() async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        try runner.writeConfig("[profiles.work]\nurl = \"\(server.url("/v1"))\"\n[profiles.home]\n")
        var result = try await runner.run(["--once", "-p", "wrok", "hi"])
        expectFailure(result, exitCode: 2, stderrContains: ["unknown profile 'wrok'", "home, work"])
        result = try await runner.run(["--once", "hi"], environment: ["SSECHAT_PROFILE": "nope"])
        expectFailure(result, exitCode: 2, stderrContains: ["'nope'", "SSECHAT_PROFILE", "home, work"])
        #expect(server.requests.isEmpty)
    }

    @Test("api_key_env: the named variable's key is sent, and printed nowhere")
    func keyVariable() async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        try runner.writeConfig("[profiles.p]\nurl = \"\(server.url("/v1"))\"\napi_key_env = \"MY_KEY\"\n")
        let result = try await runner.run(
            ["--once", "-p", "p", "-v", "hi"],
            environment: ["MY_KEY": secretKey, "OPENAI_API_KEY": "sk-wrong-one"]
        )
        #expect(result.exitCode == 0, "\(result.stderrText)")
        expectNoKey(result)
        #expect(server.requests.first?.header("Authorization") == "Bearer \(secretKey)")
    }

    @Test("OPENAI_API_KEY is used for a profile that names no key")
    func environmentKey() async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        try runner.writeConfig("[profiles.p]\nurl = \"\(server.url("/v1"))\"\n")
        let result = try await runner.run(["--once", "-p", "p", "hi"], environment: ["OPENAI_API_KEY": secretKey])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(server.requests.first?.header("Authorization") == "Bearer \(secretKey)")
    }

    @Test("api_key_cmd: its output is the key, used and printed nowhere; config show does not run it")
    func keyCommand() async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        let marker = runner.sandbox.directory + "/ran"
        let script = try runner.writeScript("key.sh", "touch '\(marker)'\nprintf '%s\\n' '\(secretKey)'")
        try runner.writeConfig("[defaults]\nurl = \"\(server.url("/v1"))\"\napi_key_cmd = [\"\(script)\", \"arg\"]\n")
        let show = try await runner.run(["config", "show"])
        #expect(show.exitCode == 0, "\(show.stderrText)")
        #expect(show.stdoutText.contains("set (from api_key_cmd)"))
        #expect(!FileManager.default.fileExists(atPath: marker))
        let result = try await runner.run(["--once", "-v", "--stats", "hi"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        expectNoKey(result)
        #expect(FileManager.default.fileExists(atPath: marker))
        #expect(server.requests.first?.header("Authorization") == "Bearer \(secretKey)")
    }

    @Test("api_key_cmd failing: one line, exit 3, nothing sent, its output nowhere")
    func keyCommandFails() async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        let script = try runner.writeScript("key.sh", "echo '\(secretKey)'\necho oops >&2\nexit 4")
        try runner.writeConfig("[defaults]\nurl = \"\(server.url("/v1"))\"\napi_key_cmd = [\"\(script)\"]\n")
        let result = try await runner.run(["--once", "hi"])
        expectFailure(result, exitCode: 3, stderrContains: ["config.toml:3", "api_key_cmd failed", "status 4"])
        #expect(!result.stderrText.contains("oops"))
        #expect(server.requests.isEmpty)
    }

    @Test("A plain api_key is used when the file is 0600")
    func plainKeyPrivate() async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        try runner.writeConfig("[defaults]\nurl = \"\(server.url("/v1"))\"\napi_key = \"\(secretKey)\"\n", mode: 0o600)
        let result = try await runner.run(["--once", "hi"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        expectNoKey(result)
        #expect(server.requests.first?.header("Authorization") == "Bearer \(secretKey)")
        let show = try await runner.run(["config", "show"])
        #expect(show.stdoutText.contains("set (from \(runner.configPath):3)"))
        expectNoKey(show)
    }

    @Test(
        "A plain api_key in a file others can read: chmod 600, exit 2, nothing sent",
        arguments: [0o644, 0o640, 0o604]
    )
    func plainKeyOpen(mode: Int) async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        let path = try runner.writeConfig(
            "[defaults]\nurl = \"\(server.url("/v1"))\"\napi_key = \"\(secretKey)\"\n",
            mode: mode_t(mode)
        )
        let result = try await runner.run(["--once", "hi"])
        expectFailure(result, exitCode: 2, stderrContains: ["chmod 600 \(path)", "config.toml:3"])
        #expect(server.requests.isEmpty)
    }

    @Test("A plain api_key in a 0600 file that is someone else's is refused", .enabled(if: geteuid() == 0))
    func plainKeyOtherOwner() async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        let path = try runner.writeConfig("[defaults]\nurl = \"\(server.url("/v1"))\"\napi_key = \"\(secretKey)\"\n")
        try #require(chown(path, 65534, 65534) == 0)
        let result = try await runner.run(["--once", "hi"])
        expectFailure(result, exitCode: 2, stderrContains: ["not yours", "chmod 600 \(path)"])
        #expect(server.requests.isEmpty)
    }

    @Test("An Authorization header in a file others can read is refused the same way")
    func secretHeaderOpen() async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        let path = try runner.writeConfig(
            "[defaults]\nurl = \"\(server.url("/v1"))\"\nheaders = { Authorization = \"Bearer \(secretKey)\" }\n",
            mode: 0o644
        )
        let result = try await runner.run(["--once", "hi"])
        expectFailure(result, exitCode: 2, stderrContains: ["chmod 600 \(path)"])
        #expect(server.requests.isEmpty)
    }
}
