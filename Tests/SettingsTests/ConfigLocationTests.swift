import ChatWire
import Settings
import Testing

@Suite("Config file location")
struct ConfigLocationTests {
    @Test("--config > SSECHAT_CONFIG > XDG_CONFIG_HOME > ~/.config")
    func order() {
        let environment = ["SSECHAT_CONFIG": "/e.toml", "XDG_CONFIG_HOME": "/x", "HOME": "/h"]
        #expect(ConfigLocation.path(flag: "/f.toml", environment: environment) == Sourced("/f.toml", from: .flag))
        #expect(
            ConfigLocation.path(flag: nil, environment: environment)
                == Sourced("/e.toml", from: .environment("SSECHAT_CONFIG"))
        )
        #expect(
            ConfigLocation.path(flag: nil, environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])
                == Sourced("/x/ssechat/config.toml", from: .builtIn)
        )
        #expect(
            ConfigLocation.path(flag: nil, environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"])
                == Sourced("/h/.config/ssechat/config.toml", from: .builtIn)
        )
    }

    @Test("The template parses, sets nothing, and has no key")
    func template() throws {
        let file = try ConfigFile.parse(ConfigTemplate.text, path: "/c.toml", home: "/h")
        #expect(file.profiles.isEmpty)
        #expect(file.defaults == SettingsLayer())
        #expect(file.plainKeyLine == nil)
    }

    @Test("The template's examples, uncommented, parse: every profile it shows is valid")
    func uncommentedTemplate() throws {
        let uncommented = ConfigTemplate.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let body = line.drop { $0 == " " }
            guard body.hasPrefix("# ") else { return String(line) }
            let rest = body.dropFirst(2)
            let isSetting = rest.hasPrefix("[") || rest.contains(" = ")
            return isSetting && !rest.hasPrefix("api_key =") ? String(rest) : String(line)
        }.joined(separator: "\n")
        let file = try ConfigFile.parse(uncommented, path: "/c.toml", home: "/h")
        #expect(Set(file.profiles.keys) == ["openai", "claude", "gemini", "long", "local"])
        #expect(file.profiles["gemini"]?.provider?.value == .gemini)
        #expect(file.profiles["long"]?.provider?.value == .responses)
        #expect(file.profiles["long"]?.background?.value == true)
    }
}
