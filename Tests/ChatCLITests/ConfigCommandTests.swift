import Foundation
import TestSupport
import Testing

/// `ssechat config show|path|init` and a broken config file, through the built binary.
@Suite("ssechat config commands and broken config files", .timeLimit(.minutes(1)))
struct ConfigCommandTests {
    @Test(
        "A broken config file: one line with file, line and key, exit 2, nothing sent",
        arguments: [
            ("[profiles.p]\nmodel = \"m\"\nmodle = \"x\"\n", ["config.toml:3", "unknown key 'profiles.p.modle'"]),
            ("[defaults]\n\ntemperature = \"hot\"\n", ["config.toml:3", "'defaults.temperature' must be a number"]),
            ("[defaults]\nstats = true\nurl = \"http://x\n", ["config.toml:3:", "syntax error"]),
        ]
    )
    func broken(text: String, fragments: [String]) async throws {
        let server = try okServer()
        let runner = try SSEChatRunner()
        try runner.writeConfig(text)
        let result = try await runner.run(["--once", "hi"], environment: openAIEnvironment(server))
        expectFailure(result, exitCode: 2, stderrContains: fragments)
        #expect(server.requests.isEmpty)
        let show = try await runner.run(["config", "show"])
        expectFailure(show, exitCode: 2, stderrContains: fragments)
    }

    @Test(
        "--help, --version and config path work with a broken config file",
        arguments: [["--help"], ["--version"], ["config", "path"], ["config", "--help"]]
    )
    func brokenDoesNotBlock(arguments: [String]) async throws {
        let runner = try SSEChatRunner()
        try runner.writeConfig("this is [not toml\n")
        let result = try await runner.run(arguments)
        #expect(result.exitCode == 0, "\(result.stderrText)")
        #expect(result.stderrText.isEmpty)
        #expect(!result.stdoutText.isEmpty)
    }

    @Test("--help does not even open the config file")
    func helpDoesNotRead() async throws {
        let runner = try SSEChatRunner()
        let result = try await runner.run(["--help", "--config", runner.sandbox.directory + "/missing.toml"])
        #expect(result.exitCode == 0)
    }

    @Test("config path: --config > SSECHAT_CONFIG > XDG_CONFIG_HOME")
    func path() async throws {
        let runner = try SSEChatRunner()
        #expect(try await runner.run(["config", "path"]).stdoutText == runner.configPath + "\n")
        #expect(
            try await runner.run(["config", "path"], environment: ["SSECHAT_CONFIG": "/e.toml"]).stdoutText
                == "/e.toml\n"
        )
        #expect(
            try await runner.run(["config", "path", "--config", "/f.toml"], environment: ["SSECHAT_CONFIG": "/e.toml"])
                .stdoutText == "/f.toml\n"
        )
    }

    @Test("--config naming a missing file is an error; the default file may be missing")
    func missing() async throws {
        let runner = try SSEChatRunner()
        let missing = runner.sandbox.directory + "/missing.toml"
        let result = try await runner.run(["--demo", "--once", "hi", "--config", missing])
        expectFailure(result, exitCode: 2, stderrContains: [missing])
        let fine = try await runner.run(["--demo", "--once", "hi"])
        #expect(fine.exitCode == 0, "\(fine.stderrText)")
    }

    @Test("config show: every setting with its source; the key only as set")
    func show() async throws {
        let runner = try SSEChatRunner()
        let path = try runner.writeConfig(
            """
            default_profile = "p"
            [defaults]
            timeout = 30

            [profiles.p]
            url = "http://127.0.0.1:9/v1"
            headers = { Authorization = "Bearer \(secretKey)", "X-Team" = "docs" }
            """
        )
        let environment = ["OPENAI_API_KEY": secretKey, "SSECHAT_MODEL": "env-model"]
        let result = try await runner.run(["config", "show", "--color", "never"], environment: environment)
        #expect(result.exitCode == 0, "\(result.stderrText)")
        expectNoKey(result)
        let lines = result.stdoutLines.map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        for expected in [
            "config \(path) (built-in default)",
            "profile p (from \(path):1)",
            "url http://127.0.0.1:9/v1 (from \(path):6)",
            "model env-model (from SSECHAT_MODEL)",
            "api_key set (from OPENAI_API_KEY)",
            "headers.Authorization set (from \(path):7)",
            "headers.X-Team docs (from \(path):7)",
            "color never (from flag)",
            "timeout 30 (from \(path):3)",
            "max_reconnects 5 (built-in default)",
            "preconnect true (built-in default)",
        ] {
            #expect(lines.contains(expected), "\(expected)\n\(result.stdoutText)")
        }
    }

    @Test("config show --json: value and source for each setting")
    func showJSON() async throws {
        let runner = try SSEChatRunner()
        let path = try runner.writeConfig("[defaults]\nmodel = \"m\"\ntemperature = 0.5\n")
        let result = try await runner.run(["config", "show", "--json", "-k", secretKey, "--pace", "300"])
        #expect(result.exitCode == 0, "\(result.stderrText)")
        expectNoKey(result)
        #expect(result.stdoutLines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let model = try #require(object["model"] as? [String: Any])
        #expect(model["value"] as? String == "m")
        #expect(model["source"] as? String == "\(path):2")
        #expect(model["line"] as? Int == 2)
        #expect((object["api_key"] as? [String: Any])?["set"] as? Bool == true)
        #expect((object["api_key"] as? [String: Any])?["source"] as? String == "flag")
        #expect((object["pace"] as? [String: Any])?["value"] as? Double == 300)
        #expect((object["temperature"] as? [String: Any])?["value"] as? Double == 0.5)
        #expect((object["timeout"] as? [String: Any])?["source"] as? String == "built-in default")
    }

    @Test("config init writes a 0600 file in a 0700 folder, then refuses to overwrite it")
    func initTwice() async throws {
        let runner = try SSEChatRunner()
        let first = try await runner.run(["config", "init"])
        #expect(first.exitCode == 0, "\(first.stderrText)")
        let attributes = try FileManager.default.attributesOfItem(atPath: runner.configPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: runner.sandbox.directory + "/config/ssechat")
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        let written = try Data(contentsOf: URL(fileURLWithPath: runner.configPath))
        #expect(String(decoding: written, as: UTF8.self).contains("[profiles."))
        let second = try await runner.run(["config", "init"])
        expectFailure(second, exitCode: 2, stderrContains: [runner.configPath, "already exists"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: runner.configPath)) == written)
        let show = try await runner.run(["config", "show"])
        #expect(show.exitCode == 0, "the example parses: \(show.stderrText)")
    }
}
